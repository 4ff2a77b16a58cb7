package dev.entente.model.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link History}: an immutable copy of ops in strictly increasing index order. */
class HistoryTest {
  private static HistoryOp op(long index, long process) {
    return new HistoryOp(index, OpType.INVOKE, process, Keyword.of("read"), null, 0, null);
  }

  @Test
  void new_increasingIndices_keepsEveryOpAndCountsNemesisEvents() {
    History h = new History(List.of(op(0, 1), op(1, HistoryOp.NEMESIS), op(5, 2)));
    assertThat(h.size()).isEqualTo(3);
    assertThat(h.clientOps()).extracting(HistoryOp::index).containsExactly(0L, 5L);
  }

  @Test
  void new_equalIndices_isRejectedNamingTheOp() {
    assertThatThrownBy(() -> new History(List.of(op(3, 1), op(3, 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("history indices must increase: op 1 has index 3 after 3");
  }

  @Test
  void new_decreasingIndices_isRejected() {
    assertThatThrownBy(() -> new History(List.of(op(0, 1), op(2, 1), op(1, 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("history indices must increase: op 2 has index 1 after 2");
  }

  @Test
  void new_nullList_isRejected() {
    assertThatThrownBy(() -> new History(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("history ops must not be null");
  }

  @Test
  void new_laterChangeToTheSourceList_doesNotLeakIn() {
    List<HistoryOp> source = new ArrayList<>(List.of(op(0, 1)));
    History h = new History(source);
    source.add(op(1, 1));
    assertThat(h.ops()).hasSize(1);
  }

  @Test
  void historyOp_invalidFields_areRejectedNamingTheField() {
    assertThatThrownBy(() -> op(-1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("history op index must be >= 0, was -1");
    assertThatThrownBy(() -> new HistoryOp(4, null, 1, Keyword.of("read"), null, 0, null))
        .hasMessage("history op 4 has no type");
    assertThatThrownBy(() -> new HistoryOp(4, OpType.OK, 1, null, null, 0, null))
        .hasMessage("history op 4 has no :f");
  }
}
