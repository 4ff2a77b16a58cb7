package dev.entente.properties.compaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.ApplyResult;
import dev.entente.impl.DeltaResult;
import dev.entente.impl.Replica;
import dev.entente.impl.SnapshotMerge;
import dev.entente.impl.clock.LamportClock;
import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.codec.SnapshotCodec;
import dev.entente.impl.gc.GcResult;
import dev.entente.impl.gc.StabilityReport;
import dev.entente.impl.gc.StabilityTracker;
import dev.entente.impl.snapshot.Snapshot;
import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A cluster of replicas that write, sync by delta, report what they delivered, collect garbage at
 * the stability frontier, drop their logs, and restart from their own encoded snapshots; a replica
 * that falls behind a peer's horizon bootstraps from the peer's snapshot plus its own changes. It
 * remembers every change ever made, so the oracle can judge the full history.
 */
final class CompactionWorld {
  private final RegisterPolicy policy;
  private final List<Replica> replicas = new ArrayList<>();
  private final StabilityTracker tracker;
  private final List<Change> history = new ArrayList<>();
  int bootstraps;
  long collected;

  CompactionWorld(RegisterPolicy policy, int size) {
    this.policy = policy;
    List<ReplicaId> ids = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      ids.add(ReplicaId.of("R" + i));
      replicas.add(
          Replica.create(ids.get(i), policy, KeyGroups.byParentPath(), new LamportClock()));
    }
    tracker = new StabilityTracker(ids);
  }

  List<Change> history() {
    return history;
  }

  List<Replica> replicas() {
    return replicas;
  }

  void run(CompactionStep step) throws DecodeException {
    int i = Math.floorMod(step.replica(), replicas.size());
    int j = Math.floorMod(step.peer(), replicas.size());
    Replica r = replicas.get(i);
    switch (step.kind()) {
      case WRITE -> history.add(write(r, step));
      case SYNC -> sync(i, j);
      case REPORT -> tracker.receive(new StabilityReport(r.id(), r.versionVector()));
      case GC -> collect(r);
      case COMPACT_LOG -> r.compactLog();
      case RESTART -> replicas.set(i, restart(r));
    }
    replicas.get(i).checkRep();
  }

  private void collect(Replica r) {
    if (r.collectGarbage(tracker.frontier()) instanceof GcResult.Collected c) {
      collected += c.tombstones() + c.changes() + c.logged();
    }
  }

  /** Syncs every pair in both directions, twice round, so every replica has every change. */
  void settle() throws DecodeException {
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < replicas.size(); i++) {
        for (int j = 0; j < replicas.size(); j++) {
          if (i != j) {
            sync(i, j);
          }
        }
      }
    }
  }

  private static Change write(Replica r, CompactionStep step) {
    Key key = Key.of(step.key());
    Op op = step.put() ? new Op.Put(key, Value.of(step.value())) : new Op.Delete(key);
    return r.transact(List.of(op));
  }

  /** Replica {@code to} asks {@code from} for what it lacks. */
  private void sync(int from, int to) throws DecodeException {
    Replica source = replicas.get(from);
    Replica target = replicas.get(to);
    DeltaResult delta = source.delta(target.versionVector());
    if (delta instanceof DeltaResult.Changes changes) {
      changes.changes().forEach(c -> applyAccepted(target, c));
      return;
    }
    DeltaResult.BehindHorizon behind = (DeltaResult.BehindHorizon) delta;
    Snapshot snapshot = roundTrip(source.snapshot());
    bootstraps++;
    if (target.mergeSnapshot(snapshot) instanceof SnapshotMerge.Merged merged) {
      assertThat(merged.rejected()).as("merge into %s refused", target.id()).isEmpty();
      behind.tail().forEach(c -> applyAccepted(target, c));
      return;
    }
    List<Change> tail = new ArrayList<>(behind.tail());
    tail.addAll(target.missingFrom(snapshot));
    Replica.Bootstrap boot =
        Replica.bootstrap(
            target.id(), snapshot, tail, KeyGroups.byParentPath(), new LamportClock());
    assertThat(boot.rejected()).as("bootstrap of %s refused", target.id()).isEmpty();
    replicas.set(to, boot.replica());
  }

  private static void applyAccepted(Replica target, Change c) {
    ApplyResult result = target.apply(c);
    assertThat(result)
        .as("%s applying %s", target.id(), c.dot())
        .isNotInstanceOf(ApplyResult.Rejected.class);
  }

  private Replica restart(Replica r) throws DecodeException {
    Snapshot snapshot = roundTrip(r.snapshot());
    return Replica.restore(r.id(), snapshot, KeyGroups.byParentPath(), new LamportClock());
  }

  private static Snapshot roundTrip(Snapshot snapshot) throws DecodeException {
    byte[] bytes = SnapshotCodec.encode(snapshot);
    Snapshot decoded = SnapshotCodec.decode(bytes);
    assertThat(decoded).isEqualTo(snapshot);
    assertThat(SnapshotCodec.encode(decoded)).isEqualTo(bytes);
    return decoded;
  }

  RegisterPolicy policy() {
    return policy;
  }
}
