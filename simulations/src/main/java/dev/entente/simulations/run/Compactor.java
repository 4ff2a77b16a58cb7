package dev.entente.simulations.run;

import dev.entente.impl.ApplyResult;
import dev.entente.impl.DeltaResult;
import dev.entente.impl.Replica;
import dev.entente.impl.gc.GcResult;
import dev.entente.impl.gc.StabilityReport;
import dev.entente.impl.gc.StabilityTracker;
import dev.entente.impl.snapshot.Snapshot;
import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import dev.entente.model.coverage.Coverage;
import dev.entente.simulations.compact.CompactionSeams;
import dev.entente.simulations.coverage.CompactionSimMark;
import dev.entente.simulations.sync.Outgoing;
import dev.entente.simulations.sync.SyncMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Garbage collection and compaction inside a run (the {@code compaction} option, delta sync): on
 * every sync tick a replica reports what it delivered to every peer ({@link
 * SyncMessage.Stability}); every {@link #COMPACT_EVERY}th tick it collects garbage at its {@link
 * dev.entente.impl.gc.GcPolicy}'s frontier over the current members and compacts its log, so its
 * durable state is its snapshot. A pull from a peer behind the horizon is answered with the logged
 * tail and the snapshot ({@link SyncMessage.SnapshotOffer}); the peer joins it ({@link
 * CompactionSeams.Joiner}). Every snapshot written is checked to restore, through its encoding, to
 * what the live replica holds ({@link SnapshotFidelity}).
 *
 * <p>The compactor also keeps the run's full history (every change ever logged anywhere, by dot),
 * so that the checkers judge a compacted replica against the oracle of everything it delivered, not
 * its compacted log. Mutable, owned by the run.
 */
final class Compactor {
  /** Sync ticks between two compactions of one replica. */
  static final int COMPACT_EVERY = 3;

  private final Cluster cluster;
  private final CompactionSeams seams;
  private final Map<Dot, Change> archive = new TreeMap<>();
  private final Map<Integer, StabilityTracker> trackers = new TreeMap<>();
  private final Map<Integer, Integer> ticks = new TreeMap<>();
  private final CompactionStats stats = new CompactionStats();

  Compactor(Cluster cluster) {
    this.cluster = cluster;
    this.seams = cluster.factory().compaction();
  }

  /** The run's compaction counters. */
  CompactionStats stats() {
    return stats;
  }

  /** A sync tick of {@code node}: its report to every peer, and its compaction when due. */
  List<Outgoing> onTick(SimNode node, List<ReplicaId> peers) {
    Replica r = node.replica();
    StabilityReport report = new StabilityReport(r.id(), r.versionVector());
    tracker(node).receive(report);
    if (ticks.merge(node.slot, 1, Integer::sum) % COMPACT_EVERY == 0) {
      compact(node);
    }
    List<Outgoing> out = new ArrayList<>();
    for (ReplicaId p : peers) {
      out.add(new Outgoing(p, new SyncMessage.Stability(report)));
    }
    return out;
  }

  private void compact(SimNode node) {
    Replica r = node.replica();
    archive(r);
    StabilityTracker t = tracker(node);
    t.setMembers(members());
    GcResult g = r.collectGarbage(seams.gcPolicy().frontier(t));
    if (g instanceof GcResult.Collected c) {
      Coverage.mark(CompactionSimMark.GC_COLLECTED_IN_RUN);
      stats.collected(c.tombstones(), c.changes());
    } else {
      Coverage.mark(CompactionSimMark.GC_HELD_BACK_IN_RUN);
      stats.heldBack(t.heldBack());
    }
    r.compactLog();
    written(node, r);
    stats.compacted();
  }

  /**
   * The compaction part of {@code message} to {@code node}: the replies, or null if the message is
   * the anti-entropy protocol's (a pull the replica can answer from its log, changes).
   */
  @Nullable List<Outgoing> intercept(SimNode node, ReplicaId from, SyncMessage message) {
    if (message instanceof SyncMessage.Stability s) {
      tracker(node).receive(s.report());
      return List.of();
    }
    if (message instanceof SyncMessage.SnapshotOffer o) {
      join(node, o.snapshot());
      return List.of();
    }
    if (message instanceof SyncMessage.Pull p
        && node.replica().delta(p.have()) instanceof DeltaResult.BehindHorizon b) {
      return offer(node, from, b);
    }
    return null;
  }

  private List<Outgoing> offer(SimNode node, ReplicaId to, DeltaResult.BehindHorizon behind) {
    Coverage.mark(CompactionSimMark.SNAPSHOT_OFFERED);
    Snapshot s = written(node, node.replica());
    stats.offered(s);
    List<Outgoing> out = new ArrayList<>();
    if (!behind.tail().isEmpty()) {
      out.add(new Outgoing(to, new SyncMessage.Changes(behind.tail())));
    }
    out.add(new Outgoing(to, new SyncMessage.SnapshotOffer(s)));
    return out;
  }

  private void join(SimNode node, Snapshot snapshot) {
    Replica self = node.replica();
    archive(self);
    List<ApplyResult.Rejected> rejected = new ArrayList<>();
    Replica after = seams.joins().join(self, snapshot, s -> restore(node, self.id(), s), rejected);
    for (ApplyResult.Rejected r : rejected) {
      cluster.onReplayRejected(node, r);
    }
    if (after != self) {
      stats.bootstrapped();
      cluster.replaceReplica(node, after);
    }
  }

  /** {@code node}'s replica {@code id} rebuilt from {@code snapshot} (a restart or a bootstrap). */
  Replica restore(SimNode node, ReplicaId id, Snapshot snapshot) {
    return seams
        .restores()
        .restore(
            id,
            snapshot,
            cluster.factory().maps().newMap(cluster.policy(), cluster.keyGroups()),
            node.clock());
  }

  /** What {@code node} keeps of {@code r} when it crashes: the snapshot it writes. */
  Snapshot durable(SimNode node, Replica r) {
    archive(r);
    return written(node, r);
  }

  /** The snapshot {@code r} writes, checked to restore to what {@code r} holds. */
  private Snapshot written(SimNode node, Replica r) {
    Snapshot s = seams.snapshots().apply(r.snapshot());
    SnapshotFidelity.check(r, s, cluster.keyGroups(), node.physical);
    return s;
  }

  /**
   * Every change {@code r} has delivered, from the run's full history (its log may be compacted):
   * what the oracle judges its map by.
   */
  List<Change> history(Replica r) {
    archive(r);
    Snapshot s = r.snapshot();
    List<Change> out = new ArrayList<>();
    for (Change c : archive.values()) {
      if (s.isDelivered(c.dot())) {
        out.add(c);
      }
    }
    return out;
  }

  private void archive(Replica r) {
    for (Change c : r.changesSince(VersionVector.EMPTY)) {
      archive.putIfAbsent(c.dot(), c);
    }
  }

  private List<ReplicaId> members() {
    List<ReplicaId> out = new ArrayList<>();
    for (SimNode n : cluster.machines()) {
      out.add(n.id);
    }
    return out;
  }

  private StabilityTracker tracker(SimNode node) {
    return trackers.computeIfAbsent(node.slot, s -> new StabilityTracker(members()));
  }
}
