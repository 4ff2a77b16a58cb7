package dev.entente.simulations.run;

import dev.entente.impl.ApplyResult;
import dev.entente.impl.Replica;
import dev.entente.impl.clock.ClockDriftException;
import dev.entente.impl.clock.TimestampClock;
import dev.entente.impl.storage.StorageException;
import dev.entente.impl.storage.StoredState;
import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.ReplicaId;
import dev.entente.model.Verify;
import dev.entente.model.VersionVector;
import dev.entente.model.coverage.Coverage;
import dev.entente.simulations.coverage.SimMark;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * How a machine of a storage-backed run restarts: it reloads its disk into a new replica (the
 * delivered changes in delivery order, then the pending ones), lets its clock observe the stored
 * high-water mark, and checks the recovery contract ({@link NodeDisk#breachOfRecovery}). If the
 * load quarantined a record (torn or with a flipped bit), the machine comes back as a new
 * incarnation {@code <name>-r<n>}: its own last changes may be the ones lost, and a replica that
 * reused their sequence numbers for different changes would break every peer that has the
 * originals. Stateless.
 */
final class DiskRecovery {
  private DiskRecovery() {}

  /**
   * The replica {@code node} restarts with, recovered from {@code disk}; {@code id} unless renamed.
   */
  static Replica recover(Cluster cluster, SimNode node, NodeDisk disk, ReplicaId id) {
    TimestampClock clock = node.clock();
    StoredState stored = load(disk, id);
    ReplicaId as = id;
    if (!stored.quarantined().isEmpty()) {
      Coverage.mark(
          disk.flippedAny()
              ? SimMark.STORAGE_FLIPPED_RECORD_QUARANTINED
              : SimMark.STORAGE_TORN_RECORD_QUARANTINED);
      node.incarnation++;
      as = ReplicaId.of(node.baseName + "-r" + node.incarnation);
      node.process = cluster.newProcess();
      cluster.trace("quarantined at " + id + ": " + stored.quarantined() + "; restarts as " + as);
    } else {
      Coverage.mark(SimMark.STORAGE_RESTART_FROM_DISK);
    }
    Replica replica =
        cluster.factory().newReplica(as, cluster.policy(), cluster.keyGroups(), clock);
    node.replica = replica;
    List<Change> all = new ArrayList<>(stored.delivered());
    all.addAll(stored.pending());
    replay(cluster, node, replica, all, disk.afterFirstFlip());
    try {
      clock.observe(stored.clockHighWater());
    } catch (ClockDriftException e) {
      cluster.trace("stored clock high-water refused at " + as + ": " + e.getMessage());
    }
    String breach = disk.breachOfRecovery(replica);
    Verify.that(
        breach.isEmpty(), "%s recovered from its disk against the contract: %s", id, breach);
    if (!stored.quarantined().isEmpty()) {
      try {
        disk.rewrite(replica, clock);
      } catch (StorageException e) {
        throw new IllegalStateException("rewriting a fresh simulated disk failed at " + as, e);
      }
    }
    return replica;
  }

  private static StoredState load(NodeDisk disk, ReplicaId id) {
    try {
      return disk.load();
    } catch (StorageException e) {
      throw new IllegalStateException("the simulated disk of " + id + " cannot be read", e);
    }
  }

  /**
   * Offers {@code changes} in stored order. A change in {@code mayWait} (stored after a flipped
   * record) is offered only once its causal past and its author's previous change are delivered: an
   * LWW replica delivers whatever it is given, and a hole would show a later write without the
   * earlier one. What still waits is set aside; peers have it and send it again.
   */
  private static void replay(
      Cluster cluster, SimNode node, Replica replica, List<Change> changes, Set<Dot> mayWait) {
    List<Change> waiting = new ArrayList<>();
    for (Change c : changes) {
      if (mayWait.contains(c.dot())) {
        waiting.add(c);
      } else {
        offer(cluster, node, replica, c);
      }
    }
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Iterator<Change> it = waiting.iterator(); it.hasNext(); ) {
        Change c = it.next();
        VersionVector vv = replica.versionVector();
        if (vv.dominates(c.seen()) && vv.get(c.author()) == c.seq() - 1) {
          offer(cluster, node, replica, c);
          it.remove();
          progress = true;
        }
      }
    }
    if (!waiting.isEmpty()) {
      Coverage.mark(SimMark.STORAGE_SET_ASIDE_AFTER_HOLE);
      cluster.trace("set aside after a hole at " + replica.id() + ": " + waiting.size());
    }
  }

  private static void offer(Cluster cluster, SimNode node, Replica replica, Change c) {
    if (replica.apply(c) instanceof ApplyResult.Rejected r) {
      cluster.onReplayRejected(node, r);
    }
  }
}
