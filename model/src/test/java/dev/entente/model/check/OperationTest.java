package dev.entente.model.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.Keyword;
import dev.entente.model.history.OpType;
import org.junit.jupiter.api.Test;

/** {@link Operation}: a paired invocation and completion, validated and described. */
class OperationTest {
  private static final Keyword WRITE = Keyword.of("write");
  private static final HistoryOp INVOKED = new HistoryOp(3, OpType.INVOKE, 1, WRITE, 5L, 0, null);
  private static final HistoryOp COMPLETED = new HistoryOp(4, OpType.OK, 1, WRITE, 6L, 0, null);

  @Test
  void describe_ok_showsTheOutputAndBothIndices() {
    Operation op = new Operation(0, 1, WRITE, 5L, 6L, Operation.Outcome.OK, INVOKED, COMPLETED);
    assertThat(op.describe())
        .isEqualTo("process 1 :write 6 (ok, invoked at index 3, completed at index 4)");
  }

  @Test
  void describe_indeterminate_showsTheInputAndNoCompletion() {
    Operation op = new Operation(0, 1, WRITE, 5L, null, Operation.Outcome.INFO, INVOKED, null);
    assertThat(op.describe())
        .isEqualTo("process 1 :write 5 (info, invoked at index 3, never completed)");
  }

  @Test
  void withId_keepsEverythingElse() {
    Operation op = new Operation(0, 1, WRITE, 5L, 6L, Operation.Outcome.OK, INVOKED, COMPLETED);
    assertThat(op.withId(9))
        .isEqualTo(new Operation(9, 1, WRITE, 5L, 6L, Operation.Outcome.OK, INVOKED, COMPLETED));
    assertThat(op.fName()).isEqualTo("write");
  }

  @Test
  void new_missingParts_areRejectedNamingTheOperation() {
    assertThatThrownBy(
            () -> new Operation(-1, 1, WRITE, 5L, null, Operation.Outcome.INFO, INVOKED, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("operation id must be >= 0, was -1");
    assertThatThrownBy(
            () -> new Operation(2, 1, null, 5L, null, Operation.Outcome.INFO, INVOKED, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("operation 2 has no :f");
    assertThatThrownBy(() -> new Operation(2, 1, WRITE, 5L, null, null, INVOKED, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("operation 2 has no outcome");
    assertThatThrownBy(
            () -> new Operation(2, 1, WRITE, 5L, null, Operation.Outcome.INFO, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("operation 2 has no invocation");
  }
}
