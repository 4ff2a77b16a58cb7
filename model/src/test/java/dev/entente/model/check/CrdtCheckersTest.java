package dev.entente.model.check;

import static dev.entente.model.check.KvHistoryBuilder.change;
import static dev.entente.model.check.KvHistoryBuilder.vv;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.LwwMapOracle;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.history.History;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrdtCheckersTest {
  private static final Change A1 = change("A", 1, 10, Map.of(), Op.put("k", "a1"));
  private static final Change B1 = change("B", 1, 5, Map.of("A", 1L), Op.put("k", "b1"));
  private static final Change B2 = change("B", 2, 6, Map.of("A", 1L), Op.delete("k"));

  private static MaterialisedMap view(String key, String... values) {
    return MaterialisedMap.of(
        Map.of(Key.of(key), List.of(values).stream().map(Value::of).toList()));
  }

  @Test
  void convergence_sameChangesDifferentMaps_isInvalid() {
    ReplicaObservation a = new ReplicaObservation(ReplicaId.of("A"), List.of(A1), view("k", "a1"));
    ReplicaObservation b = new ReplicaObservation(ReplicaId.of("B"), List.of(A1), view("k", "zz"));
    CheckResult r = new ConvergenceChecker().check(List.of(a, b));
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.explanation()).contains("A and B delivered the same 1 changes", "key k");
  }

  @Test
  void convergence_differentChangeSets_areNotCompared() {
    ReplicaObservation a = new ReplicaObservation(ReplicaId.of("A"), List.of(A1), view("k", "a1"));
    ReplicaObservation b =
        new ReplicaObservation(ReplicaId.of("B"), List.of(A1, B1), view("k", "b1"));
    assertThat(new ConvergenceChecker().check(List.of(a, b)).verdict()).isEqualTo(Verdict.VALID);
    CheckResult eventual = ConvergenceChecker.allDeliveredTheSame(List.of(a, b));
    assertThat(eventual.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(eventual.explanation()).contains("has extra [B:1]");
  }

  @Test
  void oracleAgreement_wrongWinner_isInvalid() {
    List<Change> both = List.of(A1, B1);
    MaterialisedMap right = LwwMapOracle.materialise(both);
    ReplicaObservation good = new ReplicaObservation(ReplicaId.of("A"), both, right);
    ReplicaObservation bad = new ReplicaObservation(ReplicaId.of("B"), both, view("k", "b1"));
    OracleAgreementChecker checker =
        new OracleAgreementChecker(RegisterPolicy.LWW, KeyGroups.byParentPath());
    assertThat(checker.check(List.of(good)).isValid()).isTrue();
    CheckResult r = checker.check(List.of(good, bad));
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.explanation()).contains("B with 2 changes", "[b1] vs [a1]");
  }

  @Test
  void lostWrite_readShowsValueOverwrittenByDeliveredLaterPut_isInvalid() {
    History h =
        new KvHistoryBuilder()
            .write(0, A1)
            .write(1, B1)
            .read(2, "C", vv(Map.of("A", 1L, "B", 1L)), view("k", "a1"))
            .build();
    CheckResult r = CausalOverwriteChecker.lostWrites().check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.explanation()).contains("shows k=a1 from A:1", "delivered B:1", "overwrote");
  }

  @Test
  void lostWrite_laterPutNotYetDelivered_isValid() {
    History h =
        new KvHistoryBuilder()
            .write(0, A1)
            .write(1, B1)
            .read(2, "C", vv(Map.of("A", 1L)), view("k", "a1"))
            .build();
    assertThat(CausalOverwriteChecker.lostWrites().check(h).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void resurrection_readShowsValueAfterDeliveredDeleteThatSawIt_isInvalid() {
    History h =
        new KvHistoryBuilder()
            .write(0, A1)
            .write(1, B1)
            .write(1, B2)
            .read(2, "C", vv(Map.of("A", 1L, "B", 2L)), view("k", "a1"))
            .build();
    CheckResult r = CausalOverwriteChecker.resurrections().check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.explanation()).contains("deleted");
  }

  @Test
  void lostWrite_ambiguousValues_isUnknownNotValid() {
    Change a2 = change("A", 2, 11, Map.of("A", 1L), Op.put("k", "a1"));
    History h =
        new KvHistoryBuilder()
            .write(0, A1)
            .write(0, a2)
            .read(0, "A", vv(Map.of("A", 2L)), view("k", "a1"))
            .build();
    assertThat(CausalOverwriteChecker.lostWrites().check(h).verdict()).isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void sessions_readMissingOwnWrite_violatesReadYourWrites() {
    History h =
        new KvHistoryBuilder().write(0, A1).read(0, "B", vv(Map.of()), view("x", "1")).build();
    CheckResult r = new SessionGuaranteesChecker().check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.explanation()).contains("read-your-writes", "missing its own write A:1");
  }

  @Test
  void sessions_readGoingBackwards_violatesMonotonicReads() {
    History h =
        new KvHistoryBuilder()
            .read(0, "A", vv(Map.of("A", 1L)), view("k", "a1"))
            .read(0, "B", vv(Map.of()), MaterialisedMap.EMPTY)
            .build();
    assertThat(new SessionGuaranteesChecker().check(h).explanation()).contains("monotonic-reads");
  }

  @Test
  void sessions_writeNotSeeingEarlierRead_violatesWritesFollowReads() {
    Change b1Blind = change("B", 1, 5, Map.of(), Op.put("k", "b1"));
    History h =
        new KvHistoryBuilder()
            .write(0, A1)
            .read(1, "A", vv(Map.of("A", 1L)), view("k", "a1"))
            .write(1, b1Blind)
            .build();
    assertThat(new SessionGuaranteesChecker().check(h).explanation())
        .contains("writes-follow-reads");
  }

  @Test
  void sessions_showingLaterWriteWithoutEarlierOne_violatesMonotonicWrites() {
    Change a2 = change("A", 2, 11, Map.of("A", 1L), Op.put("j", "a2"));
    History h =
        new KvHistoryBuilder()
            .write(0, A1)
            .write(0, a2)
            .read(1, "C", vv(Map.of()), view("j", "a2"))
            .build();
    assertThat(new SessionGuaranteesChecker().check(h).explanation())
        .contains("monotonic-writes", "from A:2");
  }

  @Test
  void sessions_wellBehavedHistory_isValid() {
    History h =
        new KvHistoryBuilder()
            .write(0, A1)
            .read(0, "A", vv(Map.of("A", 1L)), view("k", "a1"))
            .read(1, "B", vv(Map.of("A", 1L)), view("k", "a1"))
            .write(1, B1)
            .read(1, "B", vv(Map.of("A", 1L, "B", 1L)), view("k", "a1"))
            .build();
    assertThat(new SessionGuaranteesChecker().check(h).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void calendar_startAfterEnd_isAnImpossibleState() {
    MaterialisedMap bad =
        MaterialisedMap.ofSingle(
            Map.of(
                Key.of("event/1/start"),
                Value.of("14#A-2"),
                Key.of("event/1/end"),
                Value.of("11#B-1")));
    assertThat(CalendarInvariant.violations(bad)).singleElement().asString().contains("event/1/");
    History h = new KvHistoryBuilder().read(0, "A", vv(Map.of()), bad).build();
    assertThat(CalendarInvariant.checker().check(h).verdict()).isEqualTo(Verdict.INVALID);
  }

  @Test
  void calendar_siblingsWithOneConsistentChoice_areNotImpossible() {
    MaterialisedMap siblings =
        MaterialisedMap.of(
            Map.of(
                Key.of("event/1/start"), List.of(Value.of("14")),
                Key.of("event/1/end"), List.of(Value.of("11"), Value.of("16"))));
    assertThat(CalendarInvariant.violations(siblings)).isEmpty();
  }

  @Test
  void verdicts_compose_invalidBeatsUnknownBeatsValid() {
    CheckResult all =
        CheckResult.all(
            "all",
            List.of(
                CheckResult.valid("a", "ok"),
                CheckResult.unknown("b", "gave up"),
                CheckResult.invalid("c", "broke")));
    assertThat(all.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(all.explanation()).contains("b: UNKNOWN: gave up", "c: INVALID: broke");
    assertThat(Verdict.VALID.and(Verdict.UNKNOWN)).isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void safely_crashingChecker_becomesUnknown() {
    Checker<String> crashing =
        s -> {
          throw new IllegalStateException("boom");
        };
    CheckResult r = Checker.safely("crashy", crashing, "x");
    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.explanation()).contains("boom");
  }
}
