package dev.entente.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReplicaIdTest {
  @Test
  void of_lettersDigitsUnderscoreAndDash_isAccepted() {
    ReplicaId id = ReplicaId.of("phone_01-A");

    assertThat(id.value()).isEqualTo("phone_01-A");
    assertThat(id).hasToString("phone_01-A");
    assertThat(id).isEqualTo(new ReplicaId("phone_01-A"));
  }

  @Test
  void of_sixtyFourCharacters_isAccepted() {
    assertThat(ReplicaId.of("a".repeat(ReplicaId.MAX_LENGTH)).value()).hasSize(64);
  }

  @Test
  void of_sixtyFiveCharacters_isRejected() {
    assertThatThrownBy(() -> ReplicaId.of("a".repeat(65)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[A-Za-z0-9_-]{1,64}");
  }

  @Test
  void of_empty_isRejected() {
    assertThatThrownBy(() -> ReplicaId.of("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void of_null_isRejected() {
    assertThatThrownBy(() -> ReplicaId.of(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("null");
  }

  @Test
  void of_spaceSlashOrColon_isRejectedNamingTheValue() {
    assertThatThrownBy(() -> ReplicaId.of("a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"a b\"");
    assertThatThrownBy(() -> ReplicaId.of("a/b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReplicaId.of("a:b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void of_nonAscii_isRejectedWithEscapedMessage() {
    assertThatThrownBy(() -> ReplicaId.of("caf\u00e9"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("caf\\u00e9");
  }

  @Test
  void compareTo_asciiIds_ordersByByteValue() {
    ReplicaId upperB = ReplicaId.of("B");
    ReplicaId lowerA = ReplicaId.of("a");
    ReplicaId a = ReplicaId.of("A");

    assertThat(a).isLessThan(upperB);
    assertThat(upperB).isLessThan(lowerA);
    assertThat(ReplicaId.of("A")).isLessThan(ReplicaId.of("AA"));
    assertThat(a.compareTo(ReplicaId.of("A"))).isZero();
  }
}
