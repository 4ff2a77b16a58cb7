package dev.entente.simulations.run;

import dev.entente.impl.Replica;
import dev.entente.impl.clock.HybridLogicalClock;
import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.codec.SnapshotCodec;
import dev.entente.impl.snapshot.Snapshot;
import dev.entente.model.KeyGroups;
import dev.entente.model.Verify;
import dev.entente.simulations.clock.SimClock;

/**
 * The invariant every snapshot a compaction run writes must meet: encoded, decoded and restored, it
 * holds what the live replica holds (the same map, delivered dots, entries with their metadata,
 * buffered changes and GC state). A violation fails the run. Stateless.
 */
final class SnapshotFidelity {
  private SnapshotFidelity() {}

  /** Checks that {@code written}, the snapshot of {@code live}, restores to {@code live}. */
  static void check(Replica live, Snapshot written, KeyGroups groups, SimClock physical) {
    Snapshot decoded;
    try {
      decoded = SnapshotCodec.decode(SnapshotCodec.encode(written));
    } catch (DecodeException e) {
      throw new IllegalStateException("snapshot of " + live.id() + " does not decode", e);
    }
    // A throwaway clock: restoring must not move the live replica's clock.
    Replica restored =
        Replica.restore(
            live.id(), decoded, groups, new HybridLogicalClock(physical, Long.MAX_VALUE / 4));
    Snapshot want = live.snapshot();
    Snapshot got = restored.snapshot();
    Verify.that(
        got.entries().equals(want.entries()),
        "snapshot-fidelity: %s's snapshot restores %s entries, the replica holds %s",
        live.id(),
        got.entries().size(),
        want.entries().size());
    Verify.that(
        got.pending().equals(want.pending()),
        "snapshot-fidelity: %s's snapshot restores %s buffered changes, the replica holds %s",
        live.id(),
        got.pending().size(),
        want.pending().size());
    Verify.that(
        got.delivered().equals(want.delivered())
            && got.deliveredBeyond().equals(want.deliveredBeyond())
            && got.gcFrontier().equals(want.gcFrontier())
            && got.tombstoneFloor().equals(want.tombstoneFloor())
            && restored.materialise().equals(live.materialise()),
        "snapshot-fidelity: %s's snapshot restores other delivered dots, GC state or map",
        live.id());
  }
}
