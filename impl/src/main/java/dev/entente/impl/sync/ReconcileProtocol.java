package dev.entente.impl.sync;

/**
 * The protocols {@code entente reconcile} measures; {@link #cliName()} is how the option names
 * them.
 */
public enum ReconcileProtocol {
  /** Range-based set reconciliation over change ids ({@code impl/sync/rbsr}). */
  RBSR,
  /** Automerge's Bloom-filter sync over a hash-linked history ({@code impl/sync/bloom}). */
  BLOOM,
  /** A hash tree over time buckets, as TinyBase and Actual sync ({@code impl/sync/merkle}). */
  MERKLE,
  /** The version-vector baseline, ids dense per author. */
  DELTA,
  /** Rateless invertible Bloom lookup tables ({@code impl/sync/iblt}), the communication floor. */
  IBLT;

  /** The lower-case name the command line uses. */
  public String cliName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
