package dev.entente.model.history;

import dev.entente.model.Check;
import java.util.List;

/**
 * A history: ops in real-time order, as Jepsen records them. Immutable.
 *
 * <p>Invariant: indices are strictly increasing.
 */
public record History(List<HistoryOp> ops) {
  /** Copies the list and checks the index order. */
  public History {
    Check.argument(ops != null, "history ops must not be null");
    ops = List.copyOf(ops);
    for (int i = 1; i < ops.size(); i++) {
      Check.argument(
          ops.get(i).index() > ops.get(i - 1).index(),
          "history indices must increase: op %d has index %d after %d",
          i,
          ops.get(i).index(),
          ops.get(i - 1).index());
    }
  }

  /** The client ops only (nemesis events dropped). */
  public List<HistoryOp> clientOps() {
    return ops.stream().filter(op -> !op.isNemesis()).toList();
  }

  /** Number of ops, nemesis events included. */
  public int size() {
    return ops.size();
  }
}
