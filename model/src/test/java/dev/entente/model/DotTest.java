package dev.entente.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DotTest {
  @Test
  void of_replicaAndCounter_equalsConstructedDot() {
    Dot dot = Dot.of("A", 3);

    assertThat(dot).isEqualTo(new Dot(ReplicaId.of("A"), 3));
    assertThat(dot.replica()).isEqualTo(ReplicaId.of("A"));
    assertThat(dot.counter()).isEqualTo(3);
  }

  @Test
  void toString_isReplicaColonCounter() {
    assertThat(Dot.of("A", 3)).hasToString("A:3");
  }

  @Test
  void of_counterZero_isRejected() {
    assertThatThrownBy(() -> Dot.of("A", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 0");
  }

  @Test
  void of_negativeCounter_isRejected() {
    assertThatThrownBy(() -> Dot.of("A", -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void new_nullReplica_isRejected() {
    assertThatThrownBy(() -> new Dot(null, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void compareTo_differentReplicas_ordersByReplicaBeforeCounter() {
    assertThat(Dot.of("A", 10)).isLessThan(Dot.of("B", 1));
  }

  @Test
  void compareTo_sameReplica_ordersCountersNumerically() {
    assertThat(Dot.of("A", 2)).isLessThan(Dot.of("A", 10));
    assertThat(Dot.of("A", 2).compareTo(Dot.of("A", 2))).isZero();
  }
}
