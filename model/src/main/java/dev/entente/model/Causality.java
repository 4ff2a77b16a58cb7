package dev.entente.model;

/**
 * Happens-before between changes, derived from their version vectors: {@code a -> b} iff {@code
 * b.seen} covers {@code a}'s dot.
 *
 * <p>This is the direct relation the changes declare. When every author applies changes in causal
 * order (as MV replicas do) the declared vectors are causally closed and the relation is
 * transitive; the oracles use the declared relation as it stands, and so must every implementation
 * checked against them.
 */
public final class Causality {
  private Causality() {}

  /** True if {@code a} happened before {@code b}. */
  public static boolean happenedBefore(Change a, Change b) {
    return b.hasSeen(a);
  }

  /** True if the changes are distinct and neither happened before the other. */
  public static boolean concurrent(Change a, Change b) {
    return !a.dot().equals(b.dot()) && !happenedBefore(a, b) && !happenedBefore(b, a);
  }
}
