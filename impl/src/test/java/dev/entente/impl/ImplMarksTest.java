package dev.entente.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.entente.impl.clock.HybridLogicalClock;
import dev.entente.impl.clock.LamportClock;
import dev.entente.impl.clock.WallClock;
import dev.entente.impl.coverage.ImplMark;
import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import dev.entente.model.coverage.Coverage;
import dev.entente.model.coverage.MarkCatalogue;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Each {@link ImplMark} is hit on its path, and only there: small scenarios, one per path. */
class ImplMarksTest {
  private final AtomicLong physical = new AtomicLong(1_000);

  @Test
  void catalogue_ofImplMarks_isWellFormed() {
    MarkCatalogue catalogue = MarkCatalogue.of(List.of(ImplMark.values()));

    assertThat(catalogue.names()).hasSize(ImplMark.values().length).contains("hlc-remote-ahead");
  }

  @Test
  void replica_offeredAChangeTwice_marksTheDuplicate() {
    Replica a = replica("A", RegisterPolicy.LWW);
    Replica b = replica("B", RegisterPolicy.LWW);
    Change c = a.put(Key.of("k"), Value.of("v"));

    assertThat(marks(() -> b.apply(c))).doesNotContainKey("replica-duplicate-ignored");
    assertThat(marks(() -> b.apply(c))).containsExactly(entry("replica-duplicate-ignored", 1L));
  }

  @Test
  void replica_remoteBeyondTheDriftGuard_marksTheRejection() {
    Replica b =
        Replica.create(
            ReplicaId.of("B"),
            RegisterPolicy.LWW,
            KeyGroups.byParentPath(),
            new HybridLogicalClock(physical::get, 100));
    Change ahead = change("A", 1, ts(5_000, 0), VersionVector.EMPTY, Op.put("k", "v"));

    assertThat(marks(() -> b.apply(ahead))).containsExactly(entry("replica-drift-rejected", 1L));
  }

  @Test
  void mvReplica_changeBeforeItsPast_isBufferedThenReleased() {
    Replica a = replica("A", RegisterPolicy.MV);
    Replica b = replica("B", RegisterPolicy.MV);
    Change first = a.put(Key.of("k"), Value.of("1"));
    Change second = a.put(Key.of("k"), Value.of("2"));

    assertThat(marks(() -> b.apply(second)))
        .containsEntry("replica-change-buffered", 1L)
        .doesNotContainKey("replica-buffered-released");
    assertThat(marks(() -> b.apply(first)))
        .containsEntry("replica-buffered-released", 1L)
        .doesNotContainKey("replica-change-buffered");
  }

  @Test
  void replica_mergingAState_marksWhetherItLearnedAnything() {
    Replica a = replica("A", RegisterPolicy.LWW);
    Replica b = replica("B", RegisterPolicy.LWW);
    a.put(Key.of("k"), Value.of("v"));

    assertThat(marks(() -> b.merge(a.state()))).containsEntry("replica-merge-new-changes", 1L);
    assertThat(marks(() -> b.merge(a.state())))
        .containsEntry("replica-merge-nothing-new", 1L)
        .doesNotContainKey("replica-merge-new-changes");
  }

  @Test
  void lww_olderWriteArrivingLate_losesAndIsMarked() {
    LwwMap map = new LwwMap();
    map.apply(change("A", 1, ts(20, 0), VersionVector.EMPTY, Op.put("k", "new")));

    assertThat(
            marks(
                () ->
                    map.apply(change("B", 1, ts(10, 0), VersionVector.EMPTY, Op.put("k", "old")))))
        .containsExactly(entry("lww-stale-write-loses", 1L));
  }

  @Test
  void lww_equalTimestampsFromTwoReplicas_markTheReplicaIdTieBreak() {
    LwwMap map = new LwwMap();
    map.apply(change("A", 1, ts(10, 0), VersionVector.EMPTY, Op.put("k", "a")));

    assertThat(
            marks(
                () -> map.apply(change("B", 1, ts(10, 0), VersionVector.EMPTY, Op.put("k", "b")))))
        .containsExactly(entry("lww-tie-broken-by-replica", 1L));
  }

  @Test
  void lww_putOlderThanTheTombstone_losesToIt() {
    LwwMap map = new LwwMap();
    map.apply(change("A", 1, ts(20, 0), VersionVector.EMPTY, Op.delete("k")));

    assertThat(
            marks(
                () -> map.apply(change("B", 1, ts(10, 0), VersionVector.EMPTY, Op.put("k", "v")))))
        .containsExactly(entry("lww-tombstone-beats-late-put", 1L));
  }

  @Test
  void lww_putNewerThanTheTombstone_bringsTheKeyBack() {
    LwwMap map = new LwwMap();
    map.apply(change("A", 1, ts(10, 0), VersionVector.EMPTY, Op.delete("k")));

    assertThat(
            marks(
                () -> map.apply(change("B", 1, ts(20, 0), VersionVector.EMPTY, Op.put("k", "v")))))
        .containsExactly(entry("lww-put-replaces-tombstone", 1L));
  }

  @Test
  void mv_concurrentPuts_makeSiblings_thatALaterPutResolves() {
    MvMap map = new MvMap();
    map.apply(change("A", 1, ts(1, 0), VersionVector.EMPTY, Op.put("k", "a")));

    assertThat(
            marks(() -> map.apply(change("B", 1, ts(1, 0), VersionVector.EMPTY, Op.put("k", "b")))))
        .containsExactly(entry("mv-siblings-created", 1L));
    assertThat(
            marks(() -> map.apply(change("C", 1, ts(2, 0), vv("A", 1, "B", 1), Op.put("k", "c")))))
        .containsExactly(entry("mv-siblings-resolved", 1L));
  }

  @Test
  void mv_deleteThatHadNotSeenAPut_leavesItStanding() {
    MvMap map = new MvMap();
    map.apply(change("A", 1, ts(1, 0), VersionVector.EMPTY, Op.put("k", "a")));

    assertThat(
            marks(() -> map.apply(change("B", 1, ts(2, 0), VersionVector.EMPTY, Op.delete("k")))))
        .containsExactly(entry("mv-concurrent-delete-keeps-put", 1L));
  }

  @Test
  void group_greaterConcurrentChange_replacesTheWinner() {
    CausalGroupMap map = new CausalGroupMap(KeyGroups.byParentPath());
    map.apply(change("A", 1, ts(10, 0), VersionVector.EMPTY, Op.put("g/a", "1")));

    assertThat(
            marks(
                () ->
                    map.apply(change("B", 1, ts(20, 0), VersionVector.EMPTY, Op.put("g/b", "2")))))
        .containsExactly(entry("group-winner-replaced-concurrent", 1L));
  }

  @Test
  void group_smallerConcurrentChangeArrivingLate_losesToTheWinner() {
    CausalGroupMap map = new CausalGroupMap(KeyGroups.byParentPath());
    map.apply(change("A", 1, ts(20, 0), VersionVector.EMPTY, Op.put("g/a", "1")));

    assertThat(
            marks(
                () ->
                    map.apply(change("B", 1, ts(10, 0), VersionVector.EMPTY, Op.put("g/b", "2")))))
        .containsExactly(entry("group-late-concurrent-loses", 1L));
  }

  @Test
  void group_successorThatSawTheWinner_isNotMarked() {
    CausalGroupMap map = new CausalGroupMap(KeyGroups.byParentPath());
    map.apply(change("A", 1, ts(10, 0), VersionVector.EMPTY, Op.put("g/a", "1")));

    assertThat(marks(() -> map.apply(change("B", 1, ts(20, 0), vv("A", 1), Op.put("g/a", "2")))))
        .isEmpty();
  }

  @Test
  void hlc_remoteAhead_thenEqualWalls_thenPhysicalBehind() {
    HybridLogicalClock clock = new HybridLogicalClock(physical::get, 1_000);

    assertThat(marks(() -> clock.observe(ts(1_050, 7))))
        .containsExactly(entry("hlc-remote-ahead", 1L));
    assertThat(marks(() -> clock.observe(ts(1_050, 2))))
        .containsExactly(entry("hlc-equal-walls", 1L));
    assertThat(marks(clock::now)).containsExactly(entry("hlc-physical-behind", 1L));
  }

  @Test
  void hlc_physicalTimeAdvancing_marksNothing() {
    HybridLogicalClock clock = new HybridLogicalClock(physical::get, 1_000);

    assertThat(
            marks(
                () -> {
                  clock.now();
                  clock.now();
                  physical.addAndGet(5);
                  clock.now();
                }))
        .isEmpty();
  }

  @Test
  void wallClock_physicalTimeSteppedBack_marksTheBackwardsTimestamp() {
    WallClock clock = WallClock.unbounded(physical::get);
    clock.now();
    physical.set(900);

    assertThat(marks(clock::now)).containsExactly(entry("wall-clock-went-backwards", 1L));
  }

  @Test
  void lamport_largerRemoteCounter_marksTheJump_smallerMarksNothing() {
    LamportClock clock = new LamportClock();

    assertThat(marks(() -> clock.observe(ts(10, 0))))
        .containsExactly(entry("lamport-remote-ahead", 1L));
    assertThat(marks(() -> clock.observe(ts(5, 0)))).isEmpty();
  }

  private static SortedMap<String, Long> marks(Runnable action) {
    try (Coverage.Recorder r = Coverage.record()) {
      action.run();
      return r.counts();
    }
  }

  private static Replica replica(String id, RegisterPolicy policy) {
    return Replica.create(ReplicaId.of(id), policy, KeyGroups.byParentPath(), new LamportClock());
  }

  private static Change change(
      String author, long seq, HlcTimestamp ts, VersionVector seen, Op... ops) {
    return new Change(ReplicaId.of(author), seq, ts, seen, List.of(ops));
  }

  private static HlcTimestamp ts(long wall, int logical) {
    return new HlcTimestamp(wall, logical);
  }

  private static VersionVector vv(String r1, long n1, String r2, long n2) {
    Map<ReplicaId, Long> m = new TreeMap<>();
    m.put(ReplicaId.of(r1), n1);
    m.put(ReplicaId.of(r2), n2);
    return VersionVector.of(m);
  }

  private static VersionVector vv(String r, long n) {
    return VersionVector.of(Map.of(ReplicaId.of(r), n));
  }
}
