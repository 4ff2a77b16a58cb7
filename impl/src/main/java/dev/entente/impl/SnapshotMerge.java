package dev.entente.impl;

import dev.entente.model.Check;
import java.util.List;

/** What {@link Replica#mergeSnapshot} did. Immutable. */
public sealed interface SnapshotMerge permits SnapshotMerge.Merged, SnapshotMerge.Refused {
  /**
   * The snapshot was joined in.
   *
   * @param learned dots the replica had not delivered before
   * @param rejected entries refused (an LWW write not after this replica's collected tombstones)
   */
  record Merged(long learned, List<ApplyResult.Rejected> rejected) implements SnapshotMerge {
    /** Copies the list. */
    public Merged {
      Check.argument(learned >= 0, "learned must be >= 0");
      rejected = List.copyOf(rejected);
    }
  }

  /**
   * The snapshot cannot be joined: the replica has not delivered the snapshot's GC frontier, so the
   * snapshot may lack what the replica's older state would need. Bootstrap afresh with {@link
   * Replica#bootstrap} instead.
   *
   * @param reason the vectors involved
   */
  record Refused(String reason) implements SnapshotMerge {
    /** Validates the reason. */
    public Refused {
      Check.argument(reason != null && !reason.isEmpty(), "reason must not be empty");
    }
  }
}
