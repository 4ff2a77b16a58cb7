package dev.entente.model.check;

import static dev.entente.model.check.Ops.list;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.model.history.History;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SetAndCounterCheckerTest {
  @Test
  void set_allAcknowledgedAddsRead_isValid() {
    History h =
        new Ops()
            .call(0, "add", 1L, 1L)
            .invoke(1, "add", 2L)
            .info(1, "add", 2L)
            .call(0, "read", null, list(1L, 2L))
            .history();
    CheckResult r = new SetChecker().check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.VALID);
    assertThat(r.explanation()).contains("lost 0").contains("unexpected 0").contains("recovered 1");
  }

  @Test
  void set_lostAdd_isInvalid() {
    History h =
        new Ops()
            .call(0, "add", 1L, 1L)
            .call(0, "add", 2L, 2L)
            .call(0, "read", null, Set.of(2L))
            .history();
    CheckResult r = new SetChecker().check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.explanation()).contains("lost 1 [1]");
  }

  @Test
  void set_unexpectedElement_isInvalid() {
    History h = new Ops().call(0, "add", 1L, 1L).call(0, "read", null, list(1L, 7L)).history();
    assertThat(new SetChecker().check(h).explanation()).contains("unexpected 1 [7]");
  }

  @Test
  void set_neverRead_isUnknown() {
    History h = new Ops().call(0, "add", 1L, 1L).history();
    assertThat(new SetChecker().check(h).verdict()).isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void counter_readsWithinBounds_areValid() {
    History h =
        new Ops()
            .call(0, "add", 1L, 1L)
            .invoke(1, "add", 2L)
            .call(2, "read", null, 3L)
            .call(3, "read", null, 1L)
            .history();
    assertThat(new CounterChecker().check(h).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void counter_readAboveAttempted_isInvalid() {
    History h = new Ops().call(0, "add", 1L, 1L).call(2, "read", null, 5L).history();
    CheckResult r = new CounterChecker().check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.explanation()).contains("read 5 at index 3 outside [1, 1]");
  }

  @Test
  void counter_readBelowAcknowledged_isInvalid() {
    History h = new Ops().call(0, "add", 4L, 4L).call(2, "read", null, 3L).history();
    assertThat(new CounterChecker().check(h).verdict()).isEqualTo(Verdict.INVALID);
  }

  @Test
  void counter_failedAdd_neverCounts() {
    History h =
        new Ops().invoke(0, "add", 4L).fail(0, "add", 4L).call(2, "read", null, 4L).history();
    assertThat(new CounterChecker().check(h).verdict()).isEqualTo(Verdict.INVALID);
  }

  @Test
  void counter_nonIntegerRead_isUnknown() {
    History h = new Ops().call(2, "read", null, "x").history();
    assertThat(new CounterChecker().check(h).verdict()).isEqualTo(Verdict.UNKNOWN);
  }
}
