package dev.entente.simulations.coverage;

import dev.entente.model.coverage.CoverageMark;

/**
 * The coverage marks of compaction runs (issue 10). Their own catalogue, apart from {@link
 * SimMark}: only runs with the {@code compaction} option reach them, and the default seed range
 * that {@code CoverageMarksSimulationTest} requires does not enable it.
 */
public enum CompactionSimMark implements CoverageMark {
  /** {@code Compactor.compact}. */
  GC_COLLECTED_IN_RUN("a replica collected garbage at its stability frontier during a run"),
  /** {@code Compactor.compact}. */
  GC_HELD_BACK_IN_RUN("a replica's collection was held back (a member had not reported)"),
  /** {@code Compactor.offer}. */
  SNAPSHOT_OFFERED("a replica answered a pull behind its horizon with its snapshot"),
  /** {@code CompactionSeams.mergeOrBootstrap}. */
  SNAPSHOT_MERGED("a replica behind a peer's horizon merged the peer's snapshot into itself"),
  /** {@code CompactionSeams.mergeOrBootstrap}. */
  SNAPSHOT_MERGE_REFUSED_BOOTSTRAP(
      "a replica that had not delivered a snapshot's GC frontier bootstrapped afresh from it"),
  /** {@code Cluster.startReplica}. */
  RESTARTED_FROM_SNAPSHOT("a crashed replica restarted from its snapshot");

  private final String description;

  CompactionSimMark(String description) {
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
