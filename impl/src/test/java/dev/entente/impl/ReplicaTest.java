package dev.entente.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.impl.clock.HybridLogicalClock;
import dev.entente.impl.clock.LamportClock;
import dev.entente.impl.clock.TimestampClock;
import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReplicaTest {
  private static final Key K = Key.of("k");
  private static final Key J = Key.of("j");

  private final List<Replica> replicas = new ArrayList<>();

  @AfterEach
  void checkRep() {
    replicas.forEach(Replica::checkRep);
  }

  // Local edits.

  @Test
  void put_firstChange_isDotOneWithEmptySeenAndAppliedLocally() {
    Replica a = replica("A", RegisterPolicy.LWW);

    Change c = a.put(K, Value.of("v"));

    assertThat(c.dot()).isEqualTo(Dot.of("A", 1));
    assertThat(c.seen()).isEqualTo(VersionVector.EMPTY);
    assertThat(c.timestamp()).isEqualTo(new HlcTimestamp(1, 0));
    assertThat(c.ops()).containsExactly(new Op.Put(K, Value.of("v")));
    assertThat(a.materialise()).isEqualTo(map("k", "v"));
    assertThat(a.versionVector()).isEqualTo(vv("A:1"));
    assertThat(a.deliveredCount()).isEqualTo(1);
  }

  @Test
  void localChanges_incrementSeqAndDeclareCurrentVersionVectorAsSeen() {
    Replica a = replica("A", RegisterPolicy.LWW);
    Replica b = replica("B", RegisterPolicy.LWW);
    a.apply(b.put(J, Value.of("from-B")));

    VersionVector beforePut = a.versionVector();
    Change put = a.put(K, Value.of("v"));
    VersionVector beforeDelete = a.versionVector();
    Change delete = a.delete(K);
    VersionVector beforeTransact = a.versionVector();
    Change transact = a.transact(List.of(Op.put("k", "w"), Op.delete("j")));

    assertThat(List.of(put.seq(), delete.seq(), transact.seq())).containsExactly(1L, 2L, 3L);
    assertThat(put.seen()).isEqualTo(beforePut).isEqualTo(vv("B:1"));
    assertThat(delete.seen()).isEqualTo(beforeDelete).isEqualTo(vv("A:1", "B:1"));
    assertThat(transact.seen()).isEqualTo(beforeTransact).isEqualTo(vv("A:2", "B:1"));
    assertThat(a.versionVector()).isEqualTo(vv("A:3", "B:1"));
  }

  @Test
  void localChanges_timestampsStrictlyIncrease() {
    Replica a = replica("A", RegisterPolicy.LWW);

    Change first = a.put(K, Value.of("1"));
    Change second = a.put(K, Value.of("2"));

    assertThat(second.timestamp()).isGreaterThan(first.timestamp());
    assertThat(a.materialise()).isEqualTo(map("k", "2"));
  }

  @Test
  void delete_presentKey_removesIt() {
    Replica a = replica("A", RegisterPolicy.LWW);
    a.put(K, Value.of("v"));
    a.put(J, Value.of("w"));

    a.delete(K);

    assertThat(a.materialise()).isEqualTo(map("j", "w"));
    assertThat(a.tombstoneCount()).isEqualTo(1);
  }

  @Test
  void transact_severalOpsOnOneKey_laterOpWins() {
    Replica a = replica("A", RegisterPolicy.MV);

    Change c = a.transact(List.of(Op.put("k", "1"), Op.put("k", "2"), Op.put("j", "x")));

    assertThat(c.ops()).hasSize(3);
    assertThat(a.materialise()).isEqualTo(map("j", "x", "k", "2"));
  }

  // Applying remote changes.

  @Test
  void apply_remoteChange_isAppliedAndLaterLocalChangeIsStampedAfterIt() {
    Replica a = replica("A", RegisterPolicy.LWW);
    Change remote = change("B", 1, new HlcTimestamp(10, 0), vv(), Op.put("k", "remote"));

    ApplyResult result = a.apply(remote);
    Change local = a.put(J, Value.of("local"));

    assertThat(result).isEqualTo(new ApplyResult.Applied(Dot.of("B", 1), List.of(Dot.of("B", 1))));
    assertThat(local.timestamp()).isEqualTo(new HlcTimestamp(11, 0));
    assertThat(local.hasSeen(remote)).isTrue();
  }

  @Test
  void apply_sameChangeTwice_isDuplicateAndChangesNothing() {
    Replica a = replica("A", RegisterPolicy.LWW);
    Replica b = replica("B", RegisterPolicy.LWW);
    Change c = a.put(K, Value.of("v"));
    b.apply(c);
    ReplicaState before = b.state();

    ApplyResult again = b.apply(c);
    ApplyResult own = a.apply(c);

    assertThat(again).isEqualTo(new ApplyResult.Duplicate(Dot.of("A", 1)));
    assertThat(own).isEqualTo(new ApplyResult.Duplicate(Dot.of("A", 1)));
    assertThat(b.state()).isEqualTo(before);
    assertThat(b.deliveredCount()).isEqualTo(1);
  }

  @Test
  void apply_differentChangeWithKnownDot_isRejectedAndStateUnchanged() {
    Replica a = replica("A", RegisterPolicy.LWW);
    Replica b = replica("B", RegisterPolicy.LWW);
    Change genuine = a.put(K, Value.of("genuine"));
    b.apply(genuine);
    Change forged = change("A", 1, genuine.timestamp(), genuine.seen(), Op.put("k", "forged"));
    ReplicaState stateBefore = b.state();
    MaterialisedMap mapBefore = b.materialise();

    ApplyResult result = b.apply(forged);

    assertThat(result).isInstanceOf(ApplyResult.Rejected.class);
    assertThat(((ApplyResult.Rejected) result).reason())
        .contains("a different change with dot A:1 is known");
    assertThat(b.state()).isEqualTo(stateBefore);
    assertThat(b.materialise()).isEqualTo(mapBefore).isEqualTo(map("k", "genuine"));
    assertThat(b.versionVector()).isEqualTo(vv("A:1"));
  }

  @Test
  void apply_differentChangeWithBufferedDot_isRejected() {
    Replica a = replica("A", RegisterPolicy.MV);
    Replica b = replica("B", RegisterPolicy.MV);
    a.put(K, Value.of("1"));
    Change a2 = a.put(K, Value.of("2"));
    b.apply(a2);
    Change forged = change("A", 2, a2.timestamp(), a2.seen(), Op.delete("k"));

    ApplyResult result = b.apply(forged);

    assertThat(result).isInstanceOf(ApplyResult.Rejected.class);
    assertThat(b.pending()).containsExactly(a2);
    assertThat(b.apply(a2)).isEqualTo(new ApplyResult.Duplicate(Dot.of("A", 2)));
  }

  // Causal delivery.

  @Test
  void mvReplica_changeWithMissingCausalPast_isBufferedNamingMissingDot() {
    Replica a = replica("A", RegisterPolicy.MV);
    Replica b = replica("B", RegisterPolicy.MV);
    a.put(K, Value.of("1"));
    Change a2 = a.put(J, Value.of("2"));

    ApplyResult result = b.apply(a2);

    assertThat(result).isEqualTo(new ApplyResult.Buffered(Dot.of("A", 2), "A:1"));
    assertThat(b.pending()).containsExactly(a2);
    assertThat(b.materialise()).isEqualTo(MaterialisedMap.EMPTY);
    assertThat(b.versionVector()).isEqualTo(VersionVector.EMPTY);
    assertThat(b.deliveredCount()).isZero();
    assertThat(b.changesSince(VersionVector.EMPTY)).isEmpty();
  }

  @Test
  void mvReplica_predecessorArrives_releasesBufferedChangeAndListsBothDots() {
    Replica a = replica("A", RegisterPolicy.MV);
    Replica b = replica("B", RegisterPolicy.MV);
    Change a1 = a.put(K, Value.of("1"));
    Change a2 = a.put(J, Value.of("2"));
    b.apply(a2);

    ApplyResult result = b.apply(a1);

    assertThat(result)
        .isEqualTo(
            new ApplyResult.Applied(Dot.of("A", 1), List.of(Dot.of("A", 1), Dot.of("A", 2))));
    assertThat(b.pending()).isEmpty();
    assertThat(b.materialise()).isEqualTo(a.materialise()).isEqualTo(map("j", "2", "k", "1"));
    assertThat(b.versionVector()).isEqualTo(vv("A:2"));
  }

  @Test
  void mvReplica_severalMissingDots_areReportedAsRangesPerReplica() {
    Replica a = replica("A", RegisterPolicy.MV);
    Replica b = replica("B", RegisterPolicy.MV);
    Replica c = replica("C", RegisterPolicy.MV);
    Replica d = replica("D", RegisterPolicy.MV);
    c.apply(a.put(K, Value.of("1")));
    c.apply(a.put(K, Value.of("2")));
    c.apply(b.put(J, Value.of("3")));
    Change c1 = c.put(K, Value.of("4"));

    ApplyResult result = d.apply(c1);

    assertThat(result).isEqualTo(new ApplyResult.Buffered(Dot.of("C", 1), "A:1..2, B:1"));
  }

  @Test
  void mvReplica_chainOfBufferedChanges_isReleasedInCausalOrder() {
    Replica a = replica("A", RegisterPolicy.MV);
    Replica b = replica("B", RegisterPolicy.MV);
    Change a1 = a.put(K, Value.of("1"));
    Change a2 = a.put(K, Value.of("2"));
    Change a3 = a.put(K, Value.of("3"));
    b.apply(a3);
    b.apply(a2);

    ApplyResult result = b.apply(a1);

    assertThat(((ApplyResult.Applied) result).delivered())
        .containsExactly(Dot.of("A", 1), Dot.of("A", 2), Dot.of("A", 3));
    assertThat(b.changesSince(VersionVector.EMPTY)).containsExactly(a1, a2, a3);
    assertThat(b.materialise()).isEqualTo(map("k", "3"));
  }

  @Test
  void lwwReplica_changeBeforeItsPredecessor_isAppliedAtOnce() {
    Replica a = replica("A", RegisterPolicy.LWW);
    Replica b = replica("B", RegisterPolicy.LWW);
    Change a1 = a.put(K, Value.of("1"));
    Change a2 = a.put(J, Value.of("2"));

    ApplyResult early = b.apply(a2);

    assertThat(early).isEqualTo(new ApplyResult.Applied(Dot.of("A", 2), List.of(Dot.of("A", 2))));
    assertThat(b.pending()).isEmpty();
    assertThat(b.materialise()).isEqualTo(map("j", "2"));
    assertThat(b.versionVector()).isEqualTo(VersionVector.EMPTY);

    ApplyResult late = b.apply(a1);

    assertThat(late).isEqualTo(new ApplyResult.Applied(Dot.of("A", 1), List.of(Dot.of("A", 1))));
    assertThat(b.versionVector()).isEqualTo(vv("A:2"));
  }

  /**
   * Regression: a causal-group replica that showed a change beyond a gap let its user write on top
   * of a view the write could not declare as seen, so the group later showed a start after its end
   * (found by TLC; the model MCKvCrdtGroupAnyOrder pins it). Such replicas now deliver causally.
   */
  @Test
  void causalGroupReplica_changeBeforeItsPredecessor_isBufferedUntilItArrives() {
    Replica a = replica("A", RegisterPolicy.CAUSAL_GROUP);
    Replica b = replica("B", RegisterPolicy.CAUSAL_GROUP);
    Change a1 = a.put(K, Value.of("1"));
    Change a2 = a.put(J, Value.of("2"));

    assertThat(b.apply(a2)).isEqualTo(new ApplyResult.Buffered(a2.dot(), "A:1"));
    assertThat(b.materialise().size()).isZero();
    assertThat(b.apply(a1))
        .isEqualTo(new ApplyResult.Applied(a1.dot(), List.of(a1.dot(), a2.dot())));
    assertThat(b.pending()).isEmpty();
    b.checkRep();
  }

  @Test
  void causalGroupReplica_showsNoImpossibleStateWhenItsDeliveryHadAGap() {
    Key start = Key.of("g/start");
    Key end = Key.of("g/end");
    Replica a = replica("A", RegisterPolicy.CAUSAL_GROUP);
    Replica b = replica("B", RegisterPolicy.CAUSAL_GROUP);
    Change a1 =
        a.transact(List.of(new Op.Put(start, Value.of("5")), new Op.Put(end, Value.of("10"))));
    b.apply(a1);
    Change a2 = a.put(end, Value.of("20"));
    Change a3 = a.put(start, Value.of("0"));
    b.apply(a3);
    // B must not show start=0 before it has A:2; its user edits what it is shown.
    assertThat(b.materialise().single(start)).isEqualTo(Value.of("5"));
    Change b1 = b.put(end, Value.of("7"));
    for (Replica r : List.of(a, b)) {
      r.apply(a2);
      r.apply(a3);
      r.apply(b1);
      long s = Long.parseLong(r.materialise().single(start).value());
      long e = Long.parseLong(r.materialise().single(end).value());
      assertThat(s).as("%s shows start %d, end %d", r.id(), s, e).isLessThan(e);
    }
  }

  // Sync.

  @Test
  void changesSince_returnsExactlyTheUncoveredChangesInDeliveryOrder() {
    Replica a = replica("A", RegisterPolicy.LWW);
    Replica b = replica("B", RegisterPolicy.LWW);
    Change a1 = a.put(K, Value.of("1"));
    Change b1 = b.put(J, Value.of("2"));
    a.apply(b1);
    Change a2 = a.put(K, Value.of("3"));

    assertThat(a.changesSince(VersionVector.EMPTY)).containsExactly(a1, b1, a2);
    assertThat(a.changesSince(vv("A:1"))).containsExactly(b1, a2);
    assertThat(a.changesSince(vv("B:1"))).containsExactly(a1, a2);
    assertThat(a.changesSince(vv("A:2", "B:1"))).isEmpty();
    assertThat(a.changesSince(a.versionVector())).isEmpty();
  }

  @Test
  void changesSince_lwwReplicaWithGap_includesChangeBeyondGap() {
    Replica a = replica("A", RegisterPolicy.LWW);
    Replica b = replica("B", RegisterPolicy.LWW);
    a.put(K, Value.of("1"));
    Change a2 = a.put(K, Value.of("2"));
    b.apply(a2);

    assertThat(b.changesSince(b.versionVector())).containsExactly(a2);
  }

  @Test
  void stateThenMerge_intoEmptyReplica_reproducesState() {
    Replica a = replica("A", RegisterPolicy.LWW);
    Replica b = replica("B", RegisterPolicy.LWW);
    a.apply(b.put(J, Value.of("x")));
    a.put(K, Value.of("1"));
    a.delete(J);
    Replica fresh = replica("C", RegisterPolicy.LWW);

    List<ApplyResult.Rejected> rejected = fresh.merge(a.state());

    assertThat(rejected).isEmpty();
    assertThat(fresh.state()).isEqualTo(a.state());
    assertThat(fresh.materialise()).isEqualTo(a.materialise()).isEqualTo(map("k", "1"));
    assertThat(fresh.versionVector()).isEqualTo(a.versionVector());
  }

  @Test
  void stateThenMerge_mvStateSortedByDotNotCausally_reproducesState() {
    Replica a = replica("A", RegisterPolicy.MV);
    Replica z = replica("Z", RegisterPolicy.MV);
    Change z1 = z.put(K, Value.of("old"));
    a.apply(z1);
    a.put(K, Value.of("new")); // A:1 saw Z:1, yet sorts before it by dot
    Replica fresh = replica("C", RegisterPolicy.MV);

    List<ApplyResult.Rejected> rejected = fresh.merge(a.state());

    assertThat(a.state().changes().get(0).dot()).isEqualTo(Dot.of("A", 1));
    assertThat(rejected).isEmpty();
    assertThat(fresh.pending()).isEmpty();
    assertThat(fresh.materialise()).isEqualTo(a.materialise()).isEqualTo(map("k", "new"));
    assertThat(fresh.state()).isEqualTo(a.state());
  }

  @Test
  void merge_twice_isIdempotent() {
    Replica a = replica("A", RegisterPolicy.CAUSAL_GROUP);
    Replica b = replica("B", RegisterPolicy.CAUSAL_GROUP);
    a.put(K, Value.of("1"));
    b.merge(a.state());
    ReplicaState once = b.state();

    assertThat(b.merge(a.state())).isEmpty();
    assertThat(b.state()).isEqualTo(once);
  }

  @Test
  void merge_stateOfOtherPolicy_isRejected() {
    Replica lww = replica("A", RegisterPolicy.LWW);
    Replica mv = replica("B", RegisterPolicy.MV);
    mv.put(K, Value.of("1"));

    assertThatThrownBy(() -> lww.merge(mv.state()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot merge a MV state into a LWW replica");
    assertThat(lww.deliveredCount()).isZero();
  }

  @Test
  void merge_stateWithConflictingDot_returnsRejectionAndAppliesTheRest() {
    Replica a = replica("A", RegisterPolicy.LWW);
    Change a1 = a.put(K, Value.of("genuine"));
    Change forged = change("A", 1, a1.timestamp(), a1.seen(), Op.put("k", "forged"));
    Change b1 = change("B", 1, new HlcTimestamp(1, 0), vv(), Op.put("j", "x"));
    ReplicaState incoming = ReplicaState.of(RegisterPolicy.LWW, List.of(forged, b1));

    List<ApplyResult.Rejected> rejected = a.merge(incoming);

    assertThat(rejected).extracting(ApplyResult.Rejected::dot).containsExactly(Dot.of("A", 1));
    assertThat(a.materialise()).isEqualTo(map("j", "x", "k", "genuine"));
  }

  // Clock drift.

  @Test
  void apply_remoteTimestampBeyondDriftLimit_isRejectedAndNotApplied() {
    AtomicLong physical = new AtomicLong(1_000);
    HybridLogicalClock clock = new HybridLogicalClock(physical::get, 1_000);
    Replica a = replica("A", RegisterPolicy.LWW, clock);
    Change ahead = change("B", 1, new HlcTimestamp(6_000, 0), vv(), Op.put("k", "future"));
    HlcTimestamp clockBefore = clock.current();

    ApplyResult result = a.apply(ahead);

    assertThat(result).isInstanceOf(ApplyResult.Rejected.class);
    assertThat(result.dot()).isEqualTo(Dot.of("B", 1));
    assertThat(((ApplyResult.Rejected) result).reason()).contains("5000 ms ahead");
    assertThat(a.deliveredCount()).isZero();
    assertThat(a.materialise()).isEqualTo(MaterialisedMap.EMPTY);
    assertThat(a.versionVector()).isEqualTo(VersionVector.EMPTY);
    assertThat(clock.current()).isEqualTo(clockBefore);
    clock.checkRep();
  }

  @Test
  void apply_rejectedForDrift_isAcceptedOnceLocalTimeCatchesUp() {
    AtomicLong physical = new AtomicLong(1_000);
    HybridLogicalClock clock = new HybridLogicalClock(physical::get, 1_000);
    Replica a = replica("A", RegisterPolicy.LWW, clock);
    Change ahead = change("B", 1, new HlcTimestamp(6_000, 0), vv(), Op.put("k", "future"));
    a.apply(ahead);

    physical.set(5_500);
    ApplyResult retry = a.apply(ahead);

    assertThat(retry).isInstanceOf(ApplyResult.Applied.class);
    assertThat(a.materialise()).isEqualTo(map("k", "future"));
    assertThat(clock.current()).isGreaterThan(ahead.timestamp());
    clock.checkRep();
  }

  // Construction and invariants.

  @Test
  void create_nullArguments_areRejected() {
    ReplicaId id = ReplicaId.of("A");
    KeyGroups g = KeyGroups.singletons();
    LamportClock clock = new LamportClock();

    assertThatThrownBy(() -> Replica.create(null, RegisterPolicy.LWW, g, clock))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Replica.create(id, null, g, clock))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Replica.create(id, RegisterPolicy.LWW, null, clock))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Replica.create(id, RegisterPolicy.LWW, g, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void createAroundMap_emptyMap_becomesTheReplicasMap() {
    LwwMap map = new LwwMap();
    Replica r = Replica.create(ReplicaId.of("A"), map, new LamportClock());
    replicas.add(r);

    r.put(K, Value.of("v"));

    assertThat(r.map()).isSameAs(map);
    assertThat(map.materialise()).isEqualTo(map("k", "v"));
  }

  @Test
  void createAroundMap_nullArguments_areRejectedNamingTheArgument() {
    ReplicaId id = ReplicaId.of("A");
    LamportClock clock = new LamportClock();

    assertThatThrownBy(() -> Replica.create(null, new LwwMap(), clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("replica id must not be null");
    assertThatThrownBy(() -> Replica.create(id, (KvMap) null, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("map must not be null");
    assertThatThrownBy(() -> Replica.create(id, new LwwMap(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clock must not be null");
  }

  @Test
  void createAroundMap_mapWithValuesOrOnlyTombstones_isRejected() {
    LwwMap withValue = new LwwMap();
    Replica.create(ReplicaId.of("A"), withValue, new LamportClock()).put(K, Value.of("v"));
    LwwMap withTombstone = new LwwMap();
    Replica b = Replica.create(ReplicaId.of("B"), withTombstone, new LamportClock());
    b.put(K, Value.of("v"));
    b.delete(K);

    assertThat(withTombstone.materialise().size()).isZero();
    assertThatThrownBy(() -> Replica.create(ReplicaId.of("C"), withValue, new LamportClock()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("map must start empty");
    assertThatThrownBy(() -> Replica.create(ReplicaId.of("C"), withTombstone, new LamportClock()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("map must start empty");
  }

  @Test
  void toString_showsIdPolicyDeliveredAndOnlyThenPending() {
    Replica a = replica("A", RegisterPolicy.MV);
    Replica b = replica("B", RegisterPolicy.MV);
    a.put(K, Value.of("1"));
    Change second = a.put(K, Value.of("2"));

    assertThat(b.toString()).isEqualTo("Replica[B, MV, delivered={}]");
    b.apply(second);
    assertThat(b.toString()).isEqualTo("Replica[B, MV, delivered={}, pending=[A:2]]");
  }

  @Test
  void create_eachPolicy_reportsItsPolicyAndId() {
    for (RegisterPolicy p : RegisterPolicy.values()) {
      Replica r = replica("R", p);

      assertThat(r.policy()).isEqualTo(p);
      assertThat(r.id()).isEqualTo(ReplicaId.of("R"));
    }
  }

  @Test
  void checkRep_afterEveryOperationOnEveryPolicy_passes() {
    for (RegisterPolicy p : RegisterPolicy.values()) {
      Replica a = replica("A", p);
      Replica b = replica("B", p);
      List<Runnable> steps =
          List.of(
              () -> a.put(K, Value.of("1")),
              () -> a.transact(List.of(Op.put("j", "2"), Op.delete("k"))),
              () -> b.apply(a.changesSince(VersionVector.EMPTY).get(1)),
              () -> b.apply(a.changesSince(VersionVector.EMPTY).get(1)),
              () -> b.apply(a.changesSince(VersionVector.EMPTY).get(0)),
              () -> b.delete(J),
              () -> a.merge(b.state()),
              () -> b.merge(a.state()));
      for (Runnable step : steps) {
        step.run();
        a.checkRep();
        b.checkRep();
      }

      assertThat(a.materialise()).as(p.name()).isEqualTo(b.materialise());
      assertThat(a.versionVector()).as(p.name()).isEqualTo(vv("A:2", "B:1"));
    }
  }

  private Replica replica(String id, RegisterPolicy policy) {
    return replica(id, policy, new LamportClock());
  }

  private Replica replica(String id, RegisterPolicy policy, TimestampClock clock) {
    Replica r = Replica.create(ReplicaId.of(id), policy, KeyGroups.byParentPath(), clock);
    replicas.add(r);
    return r;
  }

  private static Change change(
      String author, long seq, HlcTimestamp ts, VersionVector seen, Op... ops) {
    return new Change(ReplicaId.of(author), seq, ts, seen, List.of(ops));
  }

  /** A version vector from dots spelled {@code "A:1"}. */
  private static VersionVector vv(String... dots) {
    Map<ReplicaId, Long> m = new TreeMap<>();
    for (String d : dots) {
      String[] parts = d.split(":");
      m.put(ReplicaId.of(parts[0]), Long.parseLong(parts[1]));
    }
    return VersionVector.of(m);
  }

  private static MaterialisedMap map(String... keysAndValues) {
    Map<Key, Value> m = new TreeMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(Key.of(keysAndValues[i]), Value.of(keysAndValues[i + 1]));
    }
    return MaterialisedMap.ofSingle(m);
  }
}
