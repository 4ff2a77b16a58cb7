package dev.entente.impl.coverage;

import dev.entente.model.coverage.CoverageMark;

/**
 * The coverage marks of compaction (snapshots, garbage collection, the GC horizon). A catalogue of
 * its own, apart from {@link ImplMark}, because the simulator only reaches these paths in the
 * profiles that turn compaction on: the default seed range must not be required to hit them. Each
 * is hit at exactly one place (named in its Javadoc).
 */
public enum CompactionMark implements CoverageMark {
  /** {@code LwwMap.collectGarbage}. */
  GC_TOMBSTONE_DROPPED("garbage collection dropped a stable LWW tombstone"),
  /** {@code CausalGroupMap.collectGarbage}. */
  GC_GROUP_COLLAPSED("garbage collection collapsed a stable causal group into its view"),
  /** {@code Replica.collectGarbage}. */
  GC_HELD_BACK("garbage collection was held back: the replica cannot yet prove the frontier safe"),
  /** {@code Replica.apply}. */
  GC_CHANGE_BEHIND_FRONTIER(
      "a change that has not seen the GC frontier was refused (its author is past the horizon)"),
  /** {@code Replica.delta}. */
  DELTA_BEHIND_HORIZON("a peer asked for changes the replica has compacted away"),
  /** {@code Replica.restore}. */
  SNAPSHOT_RESTORED("a replica was restored from a snapshot");

  private final String description;

  CompactionMark(String description) {
    this.description = description;
  }

  @Override
  public String markName() {
    return CoverageMark.nameOf(this);
  }

  @Override
  public String description() {
    return description;
  }
}
