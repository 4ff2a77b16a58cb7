package dev.entente.model;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * {@link Check}: a failed argument check is the caller's error ({@link IllegalArgumentException}),
 * a failed state check a misuse of an object's state ({@link IllegalStateException}); both carry
 * the formatted values, and neither throws when the condition holds.
 */
class CheckTest {
  @Test
  void argumentAndState_conditionHolds_throwNothing() {
    assertThatCode(
            () -> {
              Check.argument(true, "%d", 1L);
              Check.argument(true, "%d %d", 1L, 2L);
              Check.argument(true, "%d %d %d", 1L, 2L, 3L);
              Check.argument(true, "%s", "a");
              Check.argument(true, "%s %s", "a", "b");
              Check.argument(true, "%s %s %s", "a", "b", "c");
              Check.state(true, "%d", 1L);
              Check.state(true, "%d %d", 1L, 2L);
              Check.state(true, "%d %d %d", 1L, 2L, 3L);
              Check.state(true, "%s", "a");
              Check.state(true, "%s %s", "a", "b");
              Check.state(true, "%s %s %s", "a", "b", "c");
            })
        .doesNotThrowAnyException();
  }

  @Test
  void argument_eachOverloadFails_throwsIllegalArgumentWithTheValues() {
    assertThatThrownBy(() -> Check.argument(false, "n=%d", 1L))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("n=1");
    assertThatThrownBy(() -> Check.argument(false, "%d,%d", 1L, 2L)).hasMessage("1,2");
    assertThatThrownBy(() -> Check.argument(false, "%d,%d,%d", 1L, 2L, 3L)).hasMessage("1,2,3");
    assertThatThrownBy(() -> Check.argument(false, "key %s", "k")).hasMessage("key k");
    assertThatThrownBy(() -> Check.argument(false, "%s,%s", "a", "b")).hasMessage("a,b");
    assertThatThrownBy(() -> Check.argument(false, "%s,%s,%s", "a", "b", "c"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("a,b,c");
  }

  @Test
  void state_eachOverloadFails_throwsIllegalStateWithTheValues() {
    assertThatThrownBy(() -> Check.state(false, "n=%d", 1L))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("n=1");
    assertThatThrownBy(() -> Check.state(false, "%d,%d", 1L, 2L))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("1,2");
    assertThatThrownBy(() -> Check.state(false, "%d,%d,%d", 1L, 2L, 3L))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("1,2,3");
    assertThatThrownBy(() -> Check.state(false, "key %s", "k"))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("key k");
    assertThatThrownBy(() -> Check.state(false, "%s,%s", "a", "b"))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("a,b");
    assertThatThrownBy(() -> Check.state(false, "%s,%s,%s", "a", "b", "c"))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("a,b,c");
  }

  @Test
  void argument_nullFormatArgument_printsNull() {
    assertThatThrownBy(() -> Check.argument(false, "value %s", (Object) null))
        .hasMessage("value null");
  }
}
