package dev.entente.simulations.compact;

import dev.entente.impl.ApplyResult;
import dev.entente.impl.KvMap;
import dev.entente.impl.Replica;
import dev.entente.impl.SnapshotMerge;
import dev.entente.impl.clock.TimestampClock;
import dev.entente.impl.gc.GcPolicy;
import dev.entente.impl.snapshot.Snapshot;
import dev.entente.model.Change;
import dev.entente.model.ReplicaId;
import dev.entente.model.coverage.Coverage;
import dev.entente.simulations.coverage.CompactionSimMark;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The points of compaction runs a mutant can replace: the GC policy, the snapshot a replica writes
 * (to its durable state or to a peer), how a replica behind a peer's horizon joins the peer's
 * snapshot, and how a replica restarts from its snapshot. Immutable.
 *
 * @param gcPolicy the frontier a replica collects garbage at
 * @param snapshots what a replica writes of its {@link Replica#snapshot()}
 * @param joins how a replica joins a peer's snapshot
 * @param restores how a replica is rebuilt from a snapshot
 */
public record CompactionSeams(
    GcPolicy gcPolicy, UnaryOperator<Snapshot> snapshots, Joiner joins, Restorer restores) {

  /** How a replica joins a peer's snapshot. */
  @FunctionalInterface
  public interface Joiner {
    /**
     * The replica {@code self} is after joining {@code snapshot}: {@code self}, or a replica built
     * by {@code fresh} from the snapshot; every change refused on the way is added to {@code
     * rejected}.
     */
    Replica join(
        Replica self,
        Snapshot snapshot,
        Function<Snapshot, Replica> fresh,
        List<ApplyResult.Rejected> rejected);
  }

  /** How a replica is rebuilt from a snapshot. */
  @FunctionalInterface
  public interface Restorer {
    /** A replica {@code id} around the empty {@code map}, restored from {@code snapshot}. */
    Replica restore(ReplicaId id, Snapshot snapshot, KvMap map, TimestampClock clock);
  }

  /** The real system. */
  public static final CompactionSeams REAL =
      new CompactionSeams(
          GcPolicy.CAUSAL_STABILITY,
          UnaryOperator.identity(),
          CompactionSeams::mergeOrBootstrap,
          Replica::restore);

  /**
   * The design's join: merge the snapshot into the replica, keeping everything it holds; if the
   * replica has not delivered the snapshot's GC frontier (a new or amnesiac member), bootstrap
   * afresh from the snapshot and re-offer every change of the old replica the snapshot lacks.
   */
  static Replica mergeOrBootstrap(
      Replica self,
      Snapshot snapshot,
      Function<Snapshot, Replica> fresh,
      List<ApplyResult.Rejected> rejected) {
    SnapshotMerge m = self.mergeSnapshot(snapshot);
    if (m instanceof SnapshotMerge.Merged merged) {
      Coverage.mark(CompactionSimMark.SNAPSHOT_MERGED);
      rejected.addAll(merged.rejected());
      return self;
    }
    Coverage.mark(CompactionSimMark.SNAPSHOT_MERGE_REFUSED_BOOTSTRAP);
    Replica r = fresh.apply(snapshot);
    for (Change c : self.missingFrom(snapshot)) {
      if (r.apply(c) instanceof ApplyResult.Rejected no) {
        rejected.add(no);
      }
    }
    return r;
  }

  /** A copy with the GC policy replaced. */
  public CompactionSeams withGcPolicy(GcPolicy p) {
    return new CompactionSeams(p, snapshots, joins, restores);
  }

  /** A copy with the written snapshot replaced. */
  public CompactionSeams withSnapshots(UnaryOperator<Snapshot> s) {
    return new CompactionSeams(gcPolicy, s, joins, restores);
  }

  /** A copy with the join replaced. */
  public CompactionSeams withJoins(Joiner j) {
    return new CompactionSeams(gcPolicy, snapshots, j, restores);
  }

  /** A copy with the restore replaced. */
  public CompactionSeams withRestores(Restorer r) {
    return new CompactionSeams(gcPolicy, snapshots, joins, r);
  }
}
