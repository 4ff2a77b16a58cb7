package dev.entente.simulations.broken;

import dev.entente.model.Change;
import dev.entente.model.Op;
import dev.entente.model.schema.Schema;
import dev.entente.model.schema.SchemaChain;
import dev.entente.simulations.schema.InboundFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Broken on purpose: an old replica keeps only the ops on keys its own version knows, and drops a
 * change that has none left, so what a newer replica wrote never reaches a newer replica behind it
 * intact (the protobuf rule broken). Stateless.
 */
public final class DroppingUnknownKeys implements InboundFilter {
  @Override
  public List<Change> filter(SchemaChain chain, int version, List<Change> changes) {
    Schema schema = chain.at(version);
    List<Change> out = new ArrayList<>();
    for (Change c : changes) {
      List<Op> known = new ArrayList<>();
      for (Op op : c.ops()) {
        if (schema.fieldFor(op.key()) != null) {
          known.add(op);
        }
      }
      if (known.size() == c.ops().size()) {
        out.add(c);
      } else if (!known.isEmpty()) {
        out.add(c.withOps(known));
      }
    }
    return out;
  }
}
