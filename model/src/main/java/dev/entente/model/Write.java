package dev.entente.model;

import java.util.Comparator;

/**
 * One op of one change, seen as a write to its key. Immutable.
 *
 * <p>{@link #LWW_ORDER} is the total order last-writer-wins resolves by: timestamp, then author
 * replica id (the tie-break that makes equal timestamps deterministic), then the author's sequence
 * number (only needed when a replica with a misbehaving clock stamps two of its own changes alike),
 * then the op's position within its change.
 */
public record Write(Change change, int position) {
  /** The LWW total order over writes. */
  public static final Comparator<Write> LWW_ORDER =
      Comparator.comparing((Write w) -> w.change().timestamp())
          .thenComparing(w -> w.change().author())
          .thenComparingLong(w -> w.change().seq())
          .thenComparingInt(Write::position);

  /** The same order over whole changes (used where a change competes as a unit). */
  public static final Comparator<Change> CHANGE_ORDER =
      Comparator.comparing(Change::timestamp)
          .thenComparing(Change::author)
          .thenComparingLong(Change::seq);

  /** Validates that {@code position} indexes an op of {@code change}. */
  public Write {
    Check.argument(change != null, "write change must not be null");
    if (position < 0 || position >= change.ops().size()) {
      // Guarded: the message's arguments (a dot, boxed ints, their array) would otherwise be built
      // on every write, and writes are built on every map join.
      Check.argument(
          false,
          "write position %d outside change %s with %d ops",
          position,
          change.dot(),
          change.ops().size());
    }
  }

  /** The op this write performs. */
  public Op op() {
    return change.ops().get(position);
  }

  /** The key written. */
  public Key key() {
    return op().key();
  }

  /**
   * True if this write supersedes {@code other} causally: this write's change has seen the other's
   * change, or both are in the same change and this one comes later.
   */
  public boolean supersedes(Write other) {
    if (change.dot().equals(other.change.dot())) {
      return position > other.position;
    }
    return change.hasSeen(other.change);
  }
}
