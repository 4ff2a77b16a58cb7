package dev.entente.impl.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.model.HlcTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LamportClockTest {
  private final LamportClock clock = new LamportClock();

  @AfterEach
  void checkRep() {
    clock.checkRep();
  }

  @Test
  void current_fresh_isZero() {
    assertThat(clock.current()).isEqualTo(HlcTimestamp.ZERO);
  }

  @Test
  void now_repeated_countsUpInWallFieldWithZeroLogical() {
    assertThat(clock.now()).isEqualTo(new HlcTimestamp(1, 0));
    assertThat(clock.now()).isEqualTo(new HlcTimestamp(2, 0));
    assertThat(clock.current()).isEqualTo(new HlcTimestamp(2, 0));
  }

  @Test
  void observe_remoteAhead_nextNowIsAfterRemote() {
    clock.now();
    clock.observe(new HlcTimestamp(50, 0));
    assertThat(clock.current()).isEqualTo(new HlcTimestamp(50, 0));
    assertThat(clock.now()).isEqualTo(new HlcTimestamp(51, 0));
  }

  @Test
  void observe_remoteBehind_leavesCounter() {
    clock.now();
    clock.now();
    clock.observe(new HlcTimestamp(1, 0));
    assertThat(clock.now()).isEqualTo(new HlcTimestamp(3, 0));
  }

  @Test
  void observe_farFutureRemote_isAcceptedWithoutDriftGuard() {
    clock.observe(new HlcTimestamp(Long.MAX_VALUE - 1, 0));
    assertThat(clock.now()).isEqualTo(new HlcTimestamp(Long.MAX_VALUE, 0));
  }

  @Test
  void now_counterAtLongMax_throwsAndKeepsCounter() {
    clock.observe(new HlcTimestamp(Long.MAX_VALUE, 0));
    assertThatThrownBy(clock::now)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(String.valueOf(Long.MAX_VALUE));
    assertThat(clock.current()).isEqualTo(new HlcTimestamp(Long.MAX_VALUE, 0));
  }
}
