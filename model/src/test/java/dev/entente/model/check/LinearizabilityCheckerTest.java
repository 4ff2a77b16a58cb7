package dev.entente.model.check;

import static dev.entente.model.check.Ops.kw;
import static dev.entente.model.check.Ops.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.model.history.History;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LinearizabilityCheckerTest {
  private static LinearizabilityAnalysis check(SequentialModel<?> model, History h) {
    return new LinearizabilityChecker(model).analyse(h);
  }

  @Test
  void casRegister_sequentialHistory_isValid() {
    History h =
        new Ops()
            .call(1, "write", 1L, 1L)
            .call(2, "cas", list(1L, 2L), list(1L, 2L))
            .call(1, "read", null, 2L)
            .history();
    assertThat(check(Models.casRegister(0L), h).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void casRegister_staleRead_isInvalidAndExplained() {
    History h =
        new Ops()
            .call(1, "write", 1L, 1L)
            .call(2, "write", 2L, 2L)
            .call(3, "read", null, 1L)
            .history();
    LinearizabilityAnalysis a = check(Models.casRegister(0L), h);
    assertThat(a.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(a.failingOp().fName()).isEqualTo("read");
    assertThat(a.failingOp().completion().index()).isEqualTo(5);
    assertThat(a.lastGoodOp().input()).isEqualTo(2L);
    assertThat(a.longestPrefix()).isEqualTo(2);
    assertThat(a.candidateStates()).containsExactly("2");
    assertThat(a.explanation())
        .contains("cannot linearize process 3 :read 1")
        .contains("last good op: process 2 :write 2")
        .contains("longest linearizable prefix: 2 ops")
        .contains("candidate states (1): 2");
  }

  @Test
  void casRegister_concurrentWrites_mayBeOrderedEitherWay() {
    History h =
        new Ops()
            .invoke(1, "write", 1L)
            .invoke(2, "write", 2L)
            .ok(1, "write", 1L)
            .ok(2, "write", 2L)
            .call(3, "read", null, 1L)
            .history();
    assertThat(check(Models.casRegister(0L), h).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void casRegister_initialValue_isConfigurable() {
    History readsZero = new Ops().call(1, "read", null, 0L).history();
    History readsEmpty = new Ops().call(1, "read", null, "").history();
    assertThat(check(Models.casRegister(0L), readsZero).verdict()).isEqualTo(Verdict.VALID);
    assertThat(check(Models.casRegister(null), readsZero).verdict()).isEqualTo(Verdict.INVALID);
    assertThat(check(Models.casRegister(""), readsEmpty).verdict()).isEqualTo(Verdict.VALID);
    assertThat(check(Models.casRegister(0L), readsEmpty).verdict()).isEqualTo(Verdict.INVALID);
  }

  @Test
  void casRegister_nilRead_isAlwaysLegal() {
    History h = new Ops().call(1, "write", 3L, 3L).call(2, "read", null, null).history();
    assertThat(check(Models.casRegister(0L), h).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void casRegister_casWithWrongExpectation_isInvalid() {
    History h = new Ops().call(1, "cas", list(5L, 6L), list(5L, 6L)).history();
    assertThat(check(Models.casRegister(0L), h).verdict()).isEqualTo(Verdict.INVALID);
  }

  @Test
  void failedOp_neverHappened() {
    History h =
        new Ops().invoke(1, "write", 3L).fail(1, "write", 3L).call(2, "read", null, 0L).history();
    assertThat(check(Models.casRegister(0L), h).verdict()).isEqualTo(Verdict.VALID);
    History readsFailedWrite =
        new Ops().invoke(1, "write", 3L).fail(1, "write", 3L).call(2, "read", null, 3L).history();
    assertThat(check(Models.casRegister(0L), readsFailedWrite).verdict())
        .isEqualTo(Verdict.INVALID);
  }

  @Test
  void infoOp_mayTakeEffectLater() {
    History h =
        new Ops()
            .invoke(1, "write", 3L)
            .info(1, "write", null)
            .call(2, "read", null, 0L)
            .call(3, "read", null, 3L)
            .history();
    assertThat(check(Models.casRegister(0L), h).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void infoOp_mayNeverTakeEffect() {
    History h =
        new Ops()
            .invoke(1, "write", 3L)
            .info(1, "write", null)
            .call(2, "read", null, 0L)
            .call(3, "read", null, 0L)
            .history();
    assertThat(check(Models.casRegister(0L), h).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void infoOp_cannotTakeEffectTwice() {
    History h =
        new Ops()
            .invoke(1, "write", 3L)
            .info(1, "write", null)
            .call(2, "read", null, 3L)
            .call(3, "write", 4L, 4L)
            .call(2, "read", null, 3L)
            .history();
    assertThat(check(Models.casRegister(0L), h).verdict()).isEqualTo(Verdict.INVALID);
  }

  @Test
  void infoOp_cannotTakeEffectBeforeItsInvocation() {
    History h =
        new Ops().call(2, "read", null, 3L).invoke(1, "write", 3L).info(1, "write", null).history();
    assertThat(check(Models.casRegister(0L), h).verdict()).isEqualTo(Verdict.INVALID);
  }

  @Test
  void uncompletedInvocation_isIndeterminate() {
    History h = new Ops().invoke(1, "write", 3L).call(2, "read", null, 3L).history();
    assertThat(check(Models.casRegister(0L), h).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void processReusedWhileOpen_leavesTheOpenOpIndeterminate() {
    History h =
        new Ops()
            .invoke(1, "write", 3L)
            .call(1, "read", null, 0L)
            .call(2, "read", null, 3L)
            .history();
    assertThat(check(Models.casRegister(0L), h).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void nemesisEvents_areIgnored() {
    History h = new Ops().nemesis("start").call(1, "read", null, 0L).nemesis("stop").history();
    assertThat(check(Models.casRegister(0L), h).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void completionWithoutInvocation_isUnknown() {
    History h = new Ops().ok(1, "read", 0L).history();
    LinearizabilityAnalysis a = check(Models.casRegister(0L), h);
    assertThat(a.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(a.explanation()).contains("has no invocation");
  }

  @Test
  void unknownOperation_isUnknownNotACrash() {
    History h = new Ops().call(1, "frobnicate", null, null).history();
    LinearizabilityAnalysis a = check(Models.casRegister(0L), h);
    assertThat(a.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(a.explanation()).contains("frobnicate");
  }

  @Test
  void register_hasNoCas() {
    History ok = new Ops().call(1, "write", 1L, 1L).call(2, "read", null, 1L).history();
    History cas = new Ops().call(1, "cas", list(0L, 1L), list(0L, 1L)).history();
    assertThat(check(Models.register(0L), ok).verdict()).isEqualTo(Verdict.VALID);
    assertThat(check(Models.register(0L), cas).verdict()).isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void etcd_failedCasIsAnObservedCompareFailure() {
    History legal =
        new Ops()
            .call(1, "write", 1L, 1L)
            .invoke(2, "cas", list(2L, 3L))
            .fail(2, "cas", list(2L, 3L))
            .history();
    History illegal =
        new Ops()
            .call(1, "write", 2L, 2L)
            .invoke(2, "cas", list(2L, 3L))
            .fail(2, "cas", list(2L, 3L))
            .history();
    assertThat(check(Models.etcd(), legal).verdict()).isEqualTo(Verdict.VALID);
    assertThat(check(Models.etcd(), illegal).verdict()).isEqualTo(Verdict.INVALID);
    assertThat(check(Models.casRegister(null), illegal).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void etcd_nilReadMeansAbsent() {
    History h = new Ops().call(1, "write", 1L, 1L).call(2, "read", null, null).history();
    assertThat(check(Models.etcd(), h).verdict()).isEqualTo(Verdict.INVALID);
    assertThat(check(Models.etcd(), new Ops().call(2, "read", null, null).history()).verdict())
        .isEqualTo(Verdict.VALID);
  }

  @Test
  void mutex_exclusiveAcquires_areValid() {
    History h =
        new Ops()
            .call(1, "acquire", null, null)
            .call(1, "release", null, null)
            .call(2, "acquire", null, null)
            .history();
    assertThat(check(Models.mutex(), h).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void mutex_twoHolders_isInvalid() {
    History h = new Ops().call(1, "acquire", null, null).call(2, "acquire", null, null).history();
    LinearizabilityAnalysis a = check(Models.mutex(), h);
    assertThat(a.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(a.candidateStates()).containsExactly("held");
  }

  @Test
  void mutex_releaseWhenFree_isInvalid() {
    History h = new Ops().call(1, "release", null, null).history();
    assertThat(check(Models.mutex(), h).verdict()).isEqualTo(Verdict.INVALID);
  }

  @Test
  void multiRegister_readsOwnWritesAndNilReads() {
    SequentialModel<?> m = Models.multiRegister(Map.of(kw("x"), 0L, kw("y"), 0L));
    History h =
        new Ops()
            .call(
                1,
                "txn",
                list(list(kw("write"), kw("x"), 1L)),
                list(list(kw("write"), kw("x"), 1L)))
            .call(
                2,
                "txn",
                list(list(kw("read"), kw("x"), null), list(kw("read"), kw("y"), null)),
                list(list(kw("read"), kw("x"), 1L), list(kw("read"), kw("y"), 0L)))
            .call(
                3,
                "txn",
                list(list(kw("read"), kw("x"), null)),
                list(list(kw("read"), kw("x"), null)))
            .history();
    assertThat(check(m, h).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void multiRegister_staleReadInATransaction_isInvalid() {
    SequentialModel<?> m = Models.multiRegister(Map.of(kw("x"), 0L, kw("y"), 0L));
    History h =
        new Ops()
            .call(
                1,
                "txn",
                list(list(kw("write"), kw("x"), 1L), list(kw("write"), kw("y"), 1L)),
                list(list(kw("write"), kw("x"), 1L), list(kw("write"), kw("y"), 1L)))
            .call(
                2,
                "txn",
                list(list(kw("read"), kw("x"), null), list(kw("read"), kw("y"), null)),
                list(list(kw("read"), kw("x"), 1L), list(kw("read"), kw("y"), 0L)))
            .history();
    assertThat(check(m, h).verdict()).isEqualTo(Verdict.INVALID);
  }

  @Test
  void multiRegister_keywordAndStringKeys_nameTheSameRegister() {
    SequentialModel<?> m = Models.multiRegister(Map.of());
    History h =
        new Ops()
            .call(1, "txn", list(list("w", "x", 2L)), list(list("w", "x", 2L)))
            .call(2, "txn", list(list(kw("r"), kw("x"), null)), list(list(kw("r"), kw("x"), 2L)))
            .history();
    assertThat(check(m, h).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void kv_appendsAndGets_perKey() {
    History h =
        new Ops()
            .call(1, "put", list("a", "x"), list("a", "x"))
            .call(2, "append", list("a", "y"), list("a", "y"))
            .call(3, "get", list("b", null), list("b", ""))
            .call(1, "get", list("a", null), list("a", "xy"))
            .history();
    LinearizabilityAnalysis a = check(Models.kv(), h);
    assertThat(a.verdict()).isEqualTo(Verdict.VALID);
    assertThat(a.partitions()).isEqualTo(2);
  }

  @Test
  void kv_lostAppend_isInvalidOnItsKey() {
    History h =
        new Ops()
            .call(1, "append", list("a", "x"), list("a", "x"))
            .call(2, "append", list("a", "y"), list("a", "y"))
            .call(3, "get", list("b", null), list("b", ""))
            .call(1, "get", list("a", null), list("a", "y"))
            .history();
    LinearizabilityAnalysis a = check(Models.kv(), h);
    assertThat(a.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(a.key()).isEqualTo("a");
    assertThat(a.explanation())
        .startsWith("not linearizable on key \"a\"")
        .contains("candidate states (1): {\"a\" \"xy\"}");
  }

  @Test
  void budget_exhausted_isUnknown() {
    Ops ops = new Ops();
    for (int p = 0; p < 12; p++) {
      ops.invoke(p, "write", (long) p);
    }
    for (int p = 0; p < 12; p++) {
      ops.ok(p, "write", (long) p);
    }
    ops.call(20, "read", null, 99L);
    LinearizabilityAnalysis a =
        new LinearizabilityChecker(Models.casRegister(0L), SearchBudget.steps(100))
            .analyse(ops.history());
    assertThat(a.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(a.explanation()).contains("budget of 100 states exhausted");
  }

  @Test
  void deadline_passed_isUnknown() {
    Ops ops = new Ops();
    for (int p = 0; p < 14; p++) {
      ops.invoke(p, "write", (long) p);
    }
    for (int p = 0; p < 14; p++) {
      ops.ok(p, "write", (long) p);
    }
    ops.call(20, "read", null, 99L);
    AtomicLong fakeNanos = new AtomicLong();
    SearchBudget budget =
        SearchBudget.steps(Long.MAX_VALUE / 2).withTimeout(() -> fakeNanos.addAndGet(1000), 50_000);
    LinearizabilityAnalysis a =
        new LinearizabilityChecker(Models.casRegister(0L), budget).analyse(ops.history());
    assertThat(a.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(a.explanation()).contains("deadline passed");
  }

  @Test
  void models_byName() {
    assertThat(Models.named("cas-register", 0L).name()).isEqualTo("cas-register");
    assertThat(Models.named("multi-register", null).name()).isEqualTo("multi-register");
    assertThatThrownBy(() -> Models.named("queue", null)).hasMessageContaining("unknown model");
    assertThatThrownBy(() -> Models.named("mutex", 0L)).hasMessageContaining("no initial value");
  }
}
