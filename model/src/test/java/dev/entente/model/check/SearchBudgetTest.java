package dev.entente.model.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link SearchBudget}: a positive step limit and an optional deadline on an injected clock. */
class SearchBudgetTest {
  @Test
  void steps_one_isTheSmallestLimit() {
    assertThat(SearchBudget.steps(1).maxSteps()).isEqualTo(1);
  }

  @Test
  void steps_zero_isRejectedNamingTheValue() {
    assertThatThrownBy(() -> SearchBudget.steps(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxSteps must be > 0, was 0");
  }

  @Test
  void defaults_noDeadline_isNeverPast() {
    SearchBudget budget = SearchBudget.defaults();
    assertThat(budget.maxSteps()).isEqualTo(SearchBudget.DEFAULT_MAX_STEPS);
    assertThat(budget.clock()).isNull();
    assertThat(budget.pastDeadline()).isFalse();
  }

  @Test
  void withTimeout_deadline_isTheClockReadingPlusTheTimeout() {
    AtomicLong now = new AtomicLong(1_000);
    SearchBudget budget = SearchBudget.steps(10).withTimeout(now::get, 50);
    assertThat(budget.deadlineNanos()).isEqualTo(1_050);
    assertThat(budget.maxSteps()).isEqualTo(10);
  }

  @Test
  void pastDeadline_beforeAtAndAfterTheDeadline_turnsTrueAtTheDeadline() {
    AtomicLong now = new AtomicLong(1_000);
    SearchBudget budget = SearchBudget.steps(10).withTimeout(now::get, 50);
    now.set(1_049);
    assertThat(budget.pastDeadline()).isFalse();
    now.set(1_050);
    assertThat(budget.pastDeadline()).isTrue();
    now.set(1_051);
    assertThat(budget.pastDeadline()).isTrue();
  }

  @Test
  void pastDeadline_clockWrapsPastLongMax_stillComparesByDifference() {
    AtomicLong now = new AtomicLong(Long.MAX_VALUE - 10);
    SearchBudget budget = SearchBudget.steps(10).withTimeout(now::get, 20);
    assertThat(budget.pastDeadline()).isFalse();
    now.set(Long.MAX_VALUE + 10);
    assertThat(budget.pastDeadline()).isTrue();
  }

  @Test
  void withTimeout_smallestTimeout_isAccepted() {
    AtomicLong now = new AtomicLong(0);
    assertThat(SearchBudget.steps(1).withTimeout(now::get, 1).deadlineNanos()).isEqualTo(1);
  }

  @Test
  void withTimeout_zeroTimeout_isRejectedNamingTheValue() {
    AtomicLong now = new AtomicLong(0);
    assertThatThrownBy(() -> SearchBudget.steps(1).withTimeout(now::get, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be > 0 ns, was 0");
  }

  @Test
  void withTimeout_nullClock_isRejected() {
    assertThatThrownBy(() -> SearchBudget.steps(1).withTimeout(null, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clock must not be null");
  }
}
