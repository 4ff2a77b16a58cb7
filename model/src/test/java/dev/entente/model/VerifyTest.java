package dev.entente.model;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Every {@link Verify#that} overload: silent when the invariant holds, a formatted throw if not.
 */
class VerifyTest {
  @Test
  void that_invariantHolds_throwsNothing() {
    assertThatCode(
            () -> {
              Verify.that(true, "%d", 1L);
              Verify.that(true, "%d %d", 1L, 2L);
              Verify.that(true, "%d %d %d", 1L, 2L, 3L);
              Verify.that(true, "%s", "a");
              Verify.that(true, "%s %s", "a", "b");
              Verify.that(true, "%s %s %s", "a", "b", "c");
            })
        .doesNotThrowAnyException();
  }

  @Test
  void that_oneLongBroken_throwsInvariantViolationWithTheValue() {
    assertThatThrownBy(() -> Verify.that(false, "count was %d", 7L))
        .isInstanceOf(InvariantViolation.class)
        .hasMessage("count was 7");
  }

  @Test
  void that_twoLongsBroken_throwsWithBothValues() {
    assertThatThrownBy(() -> Verify.that(false, "%d > %d", 1L, 2L))
        .isInstanceOf(InvariantViolation.class)
        .hasMessage("1 > 2");
  }

  @Test
  void that_threeLongsBroken_throwsWithAllValues() {
    assertThatThrownBy(() -> Verify.that(false, "%d %d %d", 1L, 2L, 3L))
        .isInstanceOf(InvariantViolation.class)
        .hasMessage("1 2 3");
  }

  @Test
  void that_oneObjectBroken_throwsWithTheObject() {
    assertThatThrownBy(() -> Verify.that(false, "bad %s", "dot"))
        .isInstanceOf(InvariantViolation.class)
        .hasMessage("bad dot");
  }

  @Test
  void that_twoObjectsBroken_throwsWithBothObjects() {
    assertThatThrownBy(() -> Verify.that(false, "%s then %s", "a", "b"))
        .isInstanceOf(InvariantViolation.class)
        .hasMessage("a then b");
  }

  @Test
  void that_varargsBroken_throwsWithEveryArgument() {
    assertThatThrownBy(() -> Verify.that(false, "%s/%s/%s", "a", "b", "c"))
        .isInstanceOf(InvariantViolation.class)
        .hasMessage("a/b/c");
  }
}
