package dev.entente.impl.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.model.HlcTimestamp;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WallClockTest {
  private final AtomicLong physical = new AtomicLong(1_000);
  private final WallClock clock = new WallClock(physical::get, 100);

  @Test
  void current_fresh_isZero() {
    assertThat(clock.current()).isEqualTo(HlcTimestamp.ZERO);
  }

  @Test
  void now_anyTime_returnsPhysicalTimeWithZeroCounter() {
    assertThat(clock.now()).isEqualTo(new HlcTimestamp(1_000, 0));
    assertThat(clock.current()).isEqualTo(new HlcTimestamp(1_000, 0));
  }

  @Test
  void now_physicalClockStands_repeatsTimestamp() {
    // The baseline's flaw, pinned: two events get the same timestamp.
    assertThat(clock.now()).isEqualTo(clock.now());
  }

  @Test
  void now_physicalClockStepsBack_goesBackwards() {
    HlcTimestamp before = clock.now();
    physical.set(400);
    assertThat(clock.now()).isLessThan(before).isEqualTo(new HlcTimestamp(400, 0));
  }

  @Test
  void observe_remoteWithinDrift_isIgnored() {
    clock.now();
    clock.observe(new HlcTimestamp(1_100, 5));
    assertThat(clock.current()).isEqualTo(new HlcTimestamp(1_000, 0));
    assertThat(clock.now()).isEqualTo(new HlcTimestamp(1_000, 0));
  }

  @Test
  void observe_remoteBeyondMaxDrift_throwsAndLeavesClockUnchanged() {
    HlcTimestamp before = clock.now();
    assertThatThrownBy(() -> clock.observe(new HlcTimestamp(1_101, 0)))
        .isInstanceOf(ClockDriftException.class);
    assertThat(clock.current()).isEqualTo(before);
  }

  @Test
  void observe_unboundedFarFuture_isAccepted() {
    WallClock unbounded = WallClock.unbounded(physical::get);
    unbounded.observe(new HlcTimestamp(Long.MAX_VALUE, 0));
    assertThat(unbounded.maxDriftMillis()).isEqualTo(Long.MAX_VALUE);
    assertThat(unbounded.current()).isEqualTo(HlcTimestamp.ZERO);
  }

  @Test
  void now_negativePhysicalTime_throwsNamingTheValue() {
    physical.set(-3);
    assertThatThrownBy(clock::now)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("-3");
  }

  @Test
  void constructor_nonPositiveMaxDrift_throws() {
    assertThatThrownBy(() -> new WallClock(physical::get, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }
}
