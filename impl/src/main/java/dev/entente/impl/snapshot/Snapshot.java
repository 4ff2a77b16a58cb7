package dev.entente.impl.snapshot;

import dev.entente.model.Change;
import dev.entente.model.Check;
import dev.entente.model.Dot;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.VersionVector;
import java.util.List;

/**
 * A replica's live state with exactly the metadata future merges need, and nothing of its history.
 * Immutable; equal live states give equal snapshots (and, through {@code
 * dev.entente.impl.codec.SnapshotCodec}, equal bytes).
 *
 * <p>The state is a list of <em>entries</em>: changes trimmed to the ops that still matter. Each
 * entry keeps its original dot and timestamp (LWW winners compare by them; MV siblings are
 * superseded by their dot), and under {@link RegisterPolicy#CAUSAL_GROUP} its {@code seen} vector
 * (the group's chain is built from it). Under LWW and MV an entry's {@code seen} is the trivial one
 * (only the author's own past), because nothing reads it. Ops are one per key, sorted by key.
 *
 * @param policy the register policy of the map
 * @param delivered the contiguous prefix of delivered dots per replica
 * @param deliveredBeyond delivered dots beyond a gap in {@code delivered} (LWW only), sorted
 * @param gcFrontier the stability frontier garbage was last collected at ({@link
 *     VersionVector#EMPTY} if never): a change that has not seen it is refused
 * @param tombstoneFloor the greatest timestamp of a tombstone collected so far ({@link
 *     HlcTimestamp#ZERO} if none): an LWW change not after it is refused
 * @param clock the clock's high-water mark when the snapshot was taken
 * @param entries the trimmed changes, strictly increasing by dot
 * @param pending changes buffered for their causal past, strictly increasing by dot
 */
public record Snapshot(
    RegisterPolicy policy,
    VersionVector delivered,
    List<Dot> deliveredBeyond,
    VersionVector gcFrontier,
    HlcTimestamp tombstoneFloor,
    HlcTimestamp clock,
    List<Change> entries,
    List<Change> pending) {
  /** Validates the invariants in the class comment and copies the lists. */
  public Snapshot {
    Check.argument(policy != null, "snapshot policy must not be null");
    Check.argument(delivered != null, "snapshot delivered must not be null");
    Check.argument(deliveredBeyond != null, "snapshot deliveredBeyond must not be null");
    Check.argument(gcFrontier != null, "snapshot gcFrontier must not be null");
    Check.argument(tombstoneFloor != null, "snapshot tombstoneFloor must not be null");
    Check.argument(clock != null, "snapshot clock must not be null");
    Check.argument(entries != null, "snapshot entries must not be null");
    Check.argument(pending != null, "snapshot pending must not be null");
    deliveredBeyond = List.copyOf(deliveredBeyond);
    entries = List.copyOf(entries);
    pending = List.copyOf(pending);
    SnapshotRules.check(policy, delivered, deliveredBeyond, gcFrontier, entries, pending);
  }

  /** True if {@code dot} is among the delivered dots this snapshot records. */
  public boolean isDelivered(Dot dot) {
    return delivered.covers(dot) || deliveredBeyond.contains(dot);
  }

  /** A copy with other pending changes (a seam for simulator mutants and tests). */
  public Snapshot withPending(List<Change> newPending) {
    return new Snapshot(
        policy, delivered, deliveredBeyond, gcFrontier, tombstoneFloor, clock, entries, newPending);
  }

  /** A copy with other entries (a seam for simulator mutants and tests). */
  public Snapshot withEntries(List<Change> newEntries) {
    return new Snapshot(
        policy, delivered, deliveredBeyond, gcFrontier, tombstoneFloor, clock, newEntries, pending);
  }
}
