package dev.entente.impl.gc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.ApplyResult;
import dev.entente.impl.DeltaResult;
import dev.entente.impl.Replica;
import dev.entente.impl.clock.LamportClock;
import dev.entente.impl.snapshot.Snapshot;
import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.Oracle;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicaGcTest {
  private static final ReplicaId A = ReplicaId.of("A");
  private static final ReplicaId B = ReplicaId.of("B");
  private static final ReplicaId D = ReplicaId.of("D");
  private static final Key K = Key.of("k");

  @Test
  void collectGarbage_tombstoneNotYetReportedByEveryMember_isKept() {
    Replica a = replica("A", RegisterPolicy.LWW);
    Replica b = replica("B", RegisterPolicy.LWW);
    b.apply(a.put(K, Value.of("v")));
    Change delete = a.delete(K);
    StabilityTracker tracker = new StabilityTracker(List.of(A, B));
    tracker.receive(new StabilityReport(A, a.versionVector()));

    GcResult result = a.collectGarbage(GcPolicy.CAUSAL_STABILITY.frontier(tracker));

    assertThat(result).isInstanceOf(GcResult.Collected.class);
    assertThat(((GcResult.Collected) result).tombstones()).isZero();
    assertThat(a.tombstoneCount()).isEqualTo(1);
    assertThat(tracker.lagByMember()).containsEntry(B, 2L).containsEntry(A, 0L);
    assertThat(tracker.heldBack()).isEqualTo(2);
    b.apply(delete);
    tracker.receive(new StabilityReport(B, b.versionVector()));

    GcResult later = a.collectGarbage(tracker.frontier());

    assertThat(((GcResult.Collected) later).tombstones()).isEqualTo(1);
    assertThat(a.tombstoneCount()).isZero();
    assertThat(a.materialise()).isEqualTo(b.materialise());
    assertThat(tracker.heldBack()).isZero();
  }

  @Test
  void collectGarbage_beforeDeliveringTheMembersHeads_isHeldBack() {
    Replica a = replica("A", RegisterPolicy.LWW);
    Replica b = replica("B", RegisterPolicy.LWW);
    b.put(K, Value.of("unseen by A"));
    StabilityTracker tracker = new StabilityTracker(List.of(A, B));
    tracker.receive(new StabilityReport(A, a.versionVector()));
    tracker.receive(new StabilityReport(B, b.versionVector()));

    GcResult result = a.collectGarbage(tracker.frontier());

    assertThat(result).isInstanceOf(GcResult.HeldBack.class);
    assertThat(((GcResult.HeldBack) result).reason()).contains("heads");
  }

  @Test
  void apply_afterGcWithoutTheRemovedMember_refusesItsOldContextChange() {
    Replica a = replica("A", RegisterPolicy.LWW);
    Replica d = replica("D", RegisterPolicy.LWW);
    a.put(K, Value.of("v"));
    a.delete(K);
    Change offline = d.put(K, Value.of("resurrects?"));
    StabilityTracker tracker = new StabilityTracker(List.of(A, D));
    tracker.receive(new StabilityReport(A, a.versionVector()));
    tracker.setMembers(List.of(A));
    a.collectGarbage(tracker.frontier());

    ApplyResult result = a.apply(offline);

    assertThat(result).isInstanceOf(ApplyResult.Rejected.class);
    assertThat(result.toString()).contains("past the GC horizon");
    assertThat(a.materialise().size()).isZero();
  }

  @Test
  void lateDevice_pastTheLogHorizon_isToldAndBootstrapsKeepingItsOfflineEdits() {
    for (RegisterPolicy policy : RegisterPolicy.values()) {
      List<Change> all = new ArrayList<>();
      Replica a = replica("A", policy);
      Replica d = replica("D", policy);
      Change shared = a.put(K, Value.of("before"));
      all.add(shared);
      d.apply(shared);
      all.add(d.put(Key.of("offline/edit"), Value.of("mine")));
      all.add(d.delete(K));
      all.add(a.put(Key.of("j"), Value.of("while D was away")));
      all.add(a.delete(Key.of("j")));
      a.compactLog();

      DeltaResult asked = a.delta(d.versionVector());

      assertThat(asked).isInstanceOf(DeltaResult.BehindHorizon.class);
      Snapshot snapshot = a.snapshot();
      List<Change> tail = new ArrayList<>(((DeltaResult.BehindHorizon) asked).tail());
      tail.addAll(d.missingFrom(snapshot));
      Replica.Bootstrap boot =
          Replica.bootstrap(D, snapshot, tail, KeyGroups.byParentPath(), new LamportClock());
      boot.replica().checkRep();
      assertThat(boot.rejected()).isEmpty();
      assertThat(boot.replica().materialise())
          .as(policy.toString())
          .isEqualTo(Oracle.materialise(policy, all, KeyGroups.byParentPath()));
    }
  }

  @Test
  void collectGarbage_stableCausalGroup_collapsesToItsViewAndLaterChangesMergeAlike() {
    Replica a = replica("A", RegisterPolicy.CAUSAL_GROUP);
    Replica b = replica("B", RegisterPolicy.CAUSAL_GROUP);
    Replica plain = replica("P", RegisterPolicy.CAUSAL_GROUP);
    List<Change> history = new ArrayList<>();
    history.add(a.put(Key.of("doc/title"), Value.of("t1")));
    history.add(a.put(Key.of("doc/body"), Value.of("b1")));
    history.add(b.put(Key.of("doc/title"), Value.of("concurrent")));
    history.add(a.delete(Key.of("doc/body")));
    history.forEach(
        c -> {
          a.apply(c);
          b.apply(c);
          plain.apply(c);
        });
    StabilityTracker tracker = new StabilityTracker(List.of(A, B));
    tracker.receive(new StabilityReport(A, a.versionVector()));
    tracker.receive(new StabilityReport(B, b.versionVector()));

    GcResult result = a.collectGarbage(tracker.frontier());

    assertThat(((GcResult.Collected) result).changes()).isEqualTo(3);
    assertThat(a.materialise()).isEqualTo(plain.materialise());
    Change next = b.put(Key.of("doc/extra"), Value.of("after GC"));
    a.apply(next);
    plain.apply(next);
    assertThat(a.materialise()).isEqualTo(plain.materialise());
    a.checkRep();
  }

  @Test
  void tracker_membershipChange_movesTheFrontier() {
    StabilityTracker tracker = new StabilityTracker(List.of(A, B));
    tracker.receive(new StabilityReport(A, VersionVector.EMPTY.with(A, 5)));

    assertThat(tracker.frontier().stable()).isEqualTo(VersionVector.EMPTY);
    tracker.setMembers(List.of(A));
    assertThat(tracker.frontier().stable()).isEqualTo(VersionVector.EMPTY.with(A, 5));
    tracker.setMembers(List.of(A, B, D));
    assertThat(tracker.frontier().stable()).isEqualTo(VersionVector.EMPTY);
  }

  /** Found by CompactionProperties (jqwik seed -6155830773180453328), shrunk to these steps. */
  @Test
  void mergeSnapshot_thenLocalWrite_isStampedAfterTheSnapshotsCollectedDelete() {
    Replica a = replica("A", RegisterPolicy.LWW);
    Replica b = replica("B", RegisterPolicy.LWW);
    Change delete = a.delete(K);
    a.compactLog();
    DeltaResult delta = a.delta(b.versionVector());
    assertThat(delta).isInstanceOf(DeltaResult.BehindHorizon.class);
    b.mergeSnapshot(a.snapshot());
    StabilityTracker tracker = new StabilityTracker(List.of(A, B));
    tracker.receive(new StabilityReport(A, a.versionVector()));
    tracker.receive(new StabilityReport(B, b.versionVector()));

    Change put = b.put(K, Value.of("after the delete"));
    a.collectGarbage(tracker.frontier());

    assertThat(put.timestamp()).isGreaterThan(delete.timestamp());
    assertThat(a.apply(put)).isNotInstanceOf(ApplyResult.Rejected.class);
    assertThat(a.materialise()).isEqualTo(b.materialise());
  }

  /**
   * Found by the simulator's compaction profile (seed 1, MV): the logged tail of a peer's answer
   * arrived before its snapshot and was buffered; the snapshot then delivered those dots too.
   */
  @Test
  void mergeSnapshot_deliversWhatTheReplicaBuffered_dropsItFromPendingAndDeliversItOnce() {
    Replica a = replica("A", RegisterPolicy.MV);
    Replica b = replica("B", RegisterPolicy.MV);
    a.put(K, Value.of("first"));
    a.compactLog();
    Change second = a.put(Key.of("j"), Value.of("second"));
    assertThat(b.apply(second)).isInstanceOf(ApplyResult.Buffered.class);
    a.compactLog();

    b.mergeSnapshot(a.snapshot());

    assertThat(b.pending()).isEmpty();
    assertThat(b.versionVector()).isEqualTo(a.versionVector());
    assertThat(b.materialise()).isEqualTo(a.materialise());
    b.checkRep();
  }

  private static Replica replica(String id, RegisterPolicy policy) {
    return Replica.create(ReplicaId.of(id), policy, KeyGroups.byParentPath(), new LamportClock());
  }
}
