package dev.entente.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HlcTimestampTest {
  @Test
  void compareTo_differentWall_ordersByWallFirst() {
    assertThat(new HlcTimestamp(1, HlcTimestamp.MAX_LOGICAL)).isLessThan(new HlcTimestamp(2, 0));
  }

  @Test
  void compareTo_sameWall_ordersByLogical() {
    assertThat(new HlcTimestamp(5, 1)).isLessThan(new HlcTimestamp(5, 2));
    assertThat(new HlcTimestamp(5, 2).compareTo(new HlcTimestamp(5, 2))).isZero();
  }

  @Test
  void zero_isSmallestTimestamp() {
    assertThat(HlcTimestamp.ZERO).isEqualTo(new HlcTimestamp(0, 0));
    assertThat(HlcTimestamp.ZERO).isLessThan(new HlcTimestamp(0, 1));
  }

  @Test
  void new_maxLogical_isAccepted() {
    assertThat(new HlcTimestamp(0, 0xFFFF).logical()).isEqualTo(HlcTimestamp.MAX_LOGICAL);
  }

  @Test
  void new_logicalAboveSixteenBits_isRejected() {
    assertThatThrownBy(() -> new HlcTimestamp(0, 0x10000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("65536");
  }

  @Test
  void new_negativeLogical_isRejected() {
    assertThatThrownBy(() -> new HlcTimestamp(0, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void new_negativeWall_isRejected() {
    assertThatThrownBy(() -> new HlcTimestamp(-1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was -1");
  }

  @Test
  void toString_isWallDotLogical() {
    assertThat(new HlcTimestamp(12, 3)).hasToString("12.3");
  }
}
