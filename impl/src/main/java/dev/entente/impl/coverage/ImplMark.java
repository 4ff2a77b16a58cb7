package dev.entente.impl.coverage;

import dev.entente.model.coverage.CoverageMark;

/**
 * The coverage marks of {@code impl}: the rare or delicate paths of the replica, the maps and the
 * clocks that a seed range should be shown to reach. Each is hit with {@code
 * Coverage.mark(ImplMark.X)} at exactly one place (named in its Javadoc).
 *
 * <p>The HLC's logical-counter overflow carry has no mark: it takes 65,536 events within one
 * millisecond of wall time, which no simulated run produces; {@code HybridLogicalClockTest} covers
 * it directly.
 */
public enum ImplMark implements CoverageMark {
  /** {@code Replica.apply}. */
  REPLICA_DUPLICATE_IGNORED("a replica was offered a change it already holds and ignored it"),
  /** {@code Replica.apply}. */
  REPLICA_DRIFT_REJECTED(
      "the drift guard refused a remote timestamp too far ahead of local physical time"),
  /** {@code Replica.deliverOrBuffer}. */
  REPLICA_CHANGE_BUFFERED(
      "an MV or causal-group replica buffered a change whose causal past it has not delivered"),
  /** {@code Replica.deliverOrBuffer}. */
  REPLICA_BUFFERED_RELEASED("a delivered change released buffered changes waiting for it"),
  /** {@code Replica.merge}. */
  REPLICA_MERGE_NEW_CHANGES("a state merge brought changes the replica did not have"),
  /** {@code Replica.merge}. */
  REPLICA_MERGE_NOTHING_NEW("a state merge brought nothing new: every change was a duplicate"),
  /** {@code LwwMap.offer}. */
  LWW_STALE_WRITE_LOSES("an LWW register kept its write against an older write arriving later"),
  /** {@code LwwMap.offer}. */
  LWW_TIE_BROKEN_BY_REPLICA(
      "two writes to a key with equal timestamps from different replicas: the replica id decided"),
  /** {@code LwwMap.offer}. */
  LWW_TOMBSTONE_BEATS_LATE_PUT(
      "a put arriving after a newer delete lost to the tombstone (no resurrection)"),
  /** {@code LwwMap.offer}. */
  LWW_PUT_REPLACES_TOMBSTONE(
      "a put newer than its key's tombstone brought the key back (legitimate resurrection)"),
  /** {@code MvMap.apply}. */
  MV_SIBLINGS_CREATED("a put joined a concurrent put on its key: the key has siblings"),
  /** {@code MvMap.apply}. */
  MV_SIBLINGS_RESOLVED("a write that had seen several siblings of its key replaced them all"),
  /** {@code MvMap.apply}. */
  MV_CONCURRENT_DELETE_KEEPS_PUT(
      "a delete left a put it had not seen standing (a concurrent put survives a delete)"),
  /** {@code CausalGroupMap.Group.add}. */
  GROUP_WINNER_REPLACED_CONCURRENT(
      "a causal group's winner was replaced by a greater change that had not seen it"),
  /** {@code CausalGroupMap.Group.add}. */
  GROUP_LATE_CONCURRENT_LOSES(
      "a change concurrent with its causal group's winner arrived after it and lost"),
  /** {@code HybridLogicalClock.observe}. */
  HLC_REMOTE_AHEAD("an HLC adopted a remote wall time ahead of its own and of physical time"),
  /** {@code HybridLogicalClock.observe}. */
  HLC_EQUAL_WALLS("an HLC observed a remote with its own wall time: the logical counters decided"),
  /** {@code HybridLogicalClock.now}. */
  HLC_PHYSICAL_BEHIND(
      "an HLC issued a timestamp while physical time was behind its wall (the counter advanced)"),
  /** {@code WallClock.now}. */
  WALL_CLOCK_WENT_BACKWARDS("the naive wall clock issued a timestamp below its previous one"),
  /** {@code LamportClock.observe}. */
  LAMPORT_REMOTE_AHEAD("a Lamport clock jumped forward to a larger remote counter");

  private final String description;

  ImplMark(String description) {
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
