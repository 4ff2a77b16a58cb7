package dev.entente.simulations.run;

import dev.entente.impl.codec.SnapshotCodec;
import dev.entente.impl.snapshot.Snapshot;
import java.util.Locale;

/** The counters of a compaction run, written to its trace at the end. Mutable, owned by the run. */
final class CompactionStats {
  private long compactions;
  private long collections;
  private long tombstones;
  private long groupChanges;
  private long heldBack;
  private long maxHeldBack;
  private long offers;
  private long offeredBytes;
  private long bootstraps;

  void compacted() {
    compactions++;
  }

  void collected(long droppedTombstones, long droppedGroupChanges) {
    collections++;
    tombstones += droppedTombstones;
    groupChanges += droppedGroupChanges;
  }

  void heldBack(long lag) {
    heldBack++;
    maxHeldBack = Math.max(maxHeldBack, lag);
  }

  void offered(Snapshot s) {
    offers++;
    offeredBytes += SnapshotCodec.encode(s).length;
  }

  void bootstrapped() {
    bootstraps++;
  }

  /** The trace line: {@code compaction key=value ...}. */
  String describe() {
    return String.format(
        Locale.ROOT,
        "compaction compactions=%d collections=%d tombstones-dropped=%d group-changes-dropped=%d"
            + " held-back=%d max-lag=%d snapshot-offers=%d snapshot-bytes=%d bootstraps=%d",
        compactions,
        collections,
        tombstones,
        groupChanges,
        heldBack,
        maxHeldBack,
        offers,
        offeredBytes,
        bootstraps);
  }
}
