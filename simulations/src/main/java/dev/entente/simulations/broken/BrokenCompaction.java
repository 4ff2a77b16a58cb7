package dev.entente.simulations.broken;

import dev.entente.impl.ApplyResult;
import dev.entente.impl.KvMap;
import dev.entente.impl.Replica;
import dev.entente.impl.clock.TimestampClock;
import dev.entente.impl.gc.StabilityFrontier;
import dev.entente.impl.gc.StabilityTracker;
import dev.entente.impl.snapshot.Snapshot;
import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Broken compaction points (issue 10), one per mutant: a GC policy that collects before stability,
 * snapshots that omit the pending buffer or a tombstone, a join that drops the late device's own
 * edits, and a restore that forgets the clock's high-water mark. Stateless.
 */
public final class BrokenCompaction {
  private BrokenCompaction() {}

  /**
   * Collects at the join of the members' reports (what <em>some</em> member delivered) instead of
   * their meet: a tombstone a late member never saw is collected.
   */
  public static StabilityFrontier joinOfReports(StabilityTracker tracker) {
    return new StabilityFrontier(tracker.known(), tracker.frontier().heads());
  }

  /** The snapshot without its buffered changes. */
  public static Snapshot withoutPending(Snapshot s) {
    return s.withPending(List.of());
  }

  /** The snapshot without its first entry that holds a delete (a not-yet-stable tombstone). */
  public static Snapshot withoutFirstTombstone(Snapshot s) {
    List<Change> kept = new ArrayList<>(s.entries());
    for (int i = 0; i < kept.size(); i++) {
      if (kept.get(i).ops().stream().anyMatch(op -> op instanceof Op.Delete)) {
        kept.remove(i);
        return s.withEntries(kept);
      }
    }
    return s;
  }

  /** Always bootstraps afresh from the peer's snapshot: what only this replica held is dropped. */
  public static Replica bootstrapDroppingOwnEdits(
      Replica self,
      Snapshot snapshot,
      Function<Snapshot, Replica> fresh,
      List<ApplyResult.Rejected> rejected) {
    return fresh.apply(snapshot);
  }

  /** Restores from the snapshot as if its clock high-water mark had never been stored. */
  public static Replica restoreForgettingClock(
      ReplicaId id, Snapshot s, KvMap map, TimestampClock clock) {
    Snapshot noClock =
        new Snapshot(
            s.policy(),
            s.delivered(),
            s.deliveredBeyond(),
            s.gcFrontier(),
            s.tombstoneFloor(),
            HlcTimestamp.ZERO,
            s.entries(),
            s.pending());
    return Replica.restore(id, noClock, map, clock);
  }
}
