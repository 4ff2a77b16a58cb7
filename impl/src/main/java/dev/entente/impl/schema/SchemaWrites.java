package dev.entente.impl.schema;

import dev.entente.model.Key;
import dev.entente.model.Op;
import dev.entente.model.Value;
import dev.entente.model.schema.Field;
import dev.entente.model.schema.Schema;
import dev.entente.model.schema.SchemaInvariants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Validation on write: a local change's ops must write fields of the writer's version with values
 * of their types, and the writer's view after the change must keep the declared invariants. Remote
 * changes are never validated this way: what does not parse is kept opaque. Stateless.
 */
public final class SchemaWrites {
  private SchemaWrites() {}

  /**
   * Checks {@code ops} against {@code schema} on top of the writer's known view {@code before}.
   *
   * @throws SchemaViolation naming the first key or invariant the write breaks
   */
  public static void validate(Schema schema, List<Op> ops, Map<Key, Value> before) {
    Map<Key, Value> after = new TreeMap<>(before);
    for (Op op : ops) {
      Field f = schema.fieldFor(op.key());
      if (f == null) {
        throw new SchemaViolation(
            "version " + schema.version() + " has no field for key " + op.key());
      }
      if (op instanceof Op.Put p) {
        if (!f.type().admits(p.value().value())) {
          throw new SchemaViolation(
              op.key() + " = '" + p.value() + "' is not a " + f.type().fileName() + " (" + f + ")");
        }
        after.put(op.key(), p.value());
      } else {
        after.remove(op.key());
      }
    }
    // Only what this write breaks: a state merged from elsewhere is judged by the checkers.
    List<String> broken = new ArrayList<>(SchemaInvariants.violations(schema, after));
    broken.removeAll(SchemaInvariants.violations(schema, before));
    if (!broken.isEmpty()) {
      throw new SchemaViolation(
          "version " + schema.version() + " invariant broken: " + broken.get(0));
    }
  }
}
