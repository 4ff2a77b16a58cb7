package dev.entente.impl.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.model.HlcTimestamp;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HybridLogicalClockTest {
  private static final int MAX = HlcTimestamp.MAX_LOGICAL;

  private final AtomicLong physical = new AtomicLong(1_000);
  private final HybridLogicalClock clock = new HybridLogicalClock(physical::get, 100);

  @AfterEach
  void checkRep() {
    clock.checkRep();
  }

  @Test
  void current_fresh_isZero() {
    assertThat(clock.current()).isEqualTo(HlcTimestamp.ZERO);
  }

  @Test
  void now_physicalClockAdvances_takesPhysicalTimeWithZeroCounter() {
    assertThat(clock.now()).isEqualTo(new HlcTimestamp(1_000, 0));
    physical.set(1_005);
    assertThat(clock.now()).isEqualTo(new HlcTimestamp(1_005, 0));
  }

  @Test
  void now_physicalClockStands_incrementsCounter() {
    clock.now();
    assertThat(clock.now()).isEqualTo(new HlcTimestamp(1_000, 1));
    assertThat(clock.now()).isEqualTo(new HlcTimestamp(1_000, 2));
  }

  @Test
  void now_physicalClockStepsBack_staysMonotonic() {
    HlcTimestamp before = clock.now();
    physical.set(400);
    HlcTimestamp after = clock.now();
    assertThat(after).isGreaterThan(before).isEqualTo(new HlcTimestamp(1_000, 1));
  }

  @Test
  void now_physicalClockCatchesUpAfterStepBack_resetsCounter() {
    clock.now();
    physical.set(400);
    clock.now();
    physical.set(1_001);
    assertThat(clock.now()).isEqualTo(new HlcTimestamp(1_001, 0));
  }

  @Test
  void now_logicalCounterOverflows_advancesWallByOneMillisecond() {
    clock.observe(new HlcTimestamp(1_000, MAX - 1));
    assertThat(clock.current()).isEqualTo(new HlcTimestamp(1_000, MAX));
    assertThat(clock.now()).isEqualTo(new HlcTimestamp(1_001, 0));
    assertThat(clock.now()).isEqualTo(new HlcTimestamp(1_001, 1));
  }

  @Test
  void observe_remoteAtMaxLogical_advancesWallByOneMillisecond() {
    clock.now();
    clock.observe(new HlcTimestamp(1_000, MAX));
    assertThat(clock.current()).isEqualTo(new HlcTimestamp(1_001, 0));
  }

  @Test
  void observe_remoteAhead_adoptsRemoteWallAndIncrementsItsCounter() {
    clock.now();
    clock.observe(new HlcTimestamp(1_050, 7));
    assertThat(clock.current()).isEqualTo(new HlcTimestamp(1_050, 8));
    assertThat(clock.now()).isEqualTo(new HlcTimestamp(1_050, 9));
  }

  @Test
  void observe_remoteSameWall_takesLargerCounterPlusOne() {
    clock.now();
    clock.now();
    clock.observe(new HlcTimestamp(1_000, 0));
    assertThat(clock.current()).isEqualTo(new HlcTimestamp(1_000, 2));
    clock.observe(new HlcTimestamp(1_000, 9));
    assertThat(clock.current()).isEqualTo(new HlcTimestamp(1_000, 10));
  }

  @Test
  void observe_remoteBehindLocalWall_incrementsLocalCounter() {
    clock.now();
    clock.observe(new HlcTimestamp(900, 50));
    assertThat(clock.current()).isEqualTo(new HlcTimestamp(1_000, 1));
  }

  @Test
  void observe_physicalTimeAheadOfBoth_resetsCounter() {
    clock.now();
    physical.set(2_000);
    clock.observe(new HlcTimestamp(1_500, 3));
    assertThat(clock.current()).isEqualTo(new HlcTimestamp(2_000, 0));
  }

  @Test
  void observe_remoteExactlyAtMaxDrift_isAccepted() {
    clock.observe(new HlcTimestamp(1_100, 0));
    assertThat(clock.current()).isEqualTo(new HlcTimestamp(1_100, 1));
  }

  @Test
  void observe_remoteBeyondMaxDrift_throwsAndLeavesClockUnchanged() {
    HlcTimestamp before = clock.now();
    HlcTimestamp remote = new HlcTimestamp(1_101, 0);

    assertThatThrownBy(() -> clock.observe(remote))
        .isInstanceOf(ClockDriftException.class)
        .hasMessageContaining("101 ms ahead")
        .satisfies(
            e -> {
              ClockDriftException drift = (ClockDriftException) e;
              assertThat(drift.remote()).isEqualTo(remote);
              assertThat(drift.physicalMillis()).isEqualTo(1_000);
              assertThat(drift.maxDriftMillis()).isEqualTo(100);
            });
    assertThat(clock.current()).isEqualTo(before);
    assertThat(clock.now()).isEqualTo(new HlcTimestamp(1_000, 1));
  }

  @Test
  void observe_unboundedClockFarFuture_isAccepted() {
    HybridLogicalClock unbounded = HybridLogicalClock.unbounded(physical::get);
    unbounded.observe(new HlcTimestamp(Long.MAX_VALUE - 1, 0));
    assertThat(unbounded.current()).isEqualTo(new HlcTimestamp(Long.MAX_VALUE - 1, 1));
    assertThat(unbounded.maxDriftMillis()).isEqualTo(Long.MAX_VALUE);
    unbounded.checkRep();
  }

  @Test
  void now_negativePhysicalTime_throwsNamingTheValue() {
    physical.set(-5);
    assertThatThrownBy(clock::now)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("-5");
    assertThat(clock.current()).isEqualTo(HlcTimestamp.ZERO);
  }

  @Test
  void observe_negativePhysicalTime_throwsNamingTheValue() {
    physical.set(-7);
    assertThatThrownBy(() -> clock.observe(new HlcTimestamp(3, 0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("-7");
  }

  @Test
  void constructor_nonPositiveMaxDrift_throws() {
    assertThatThrownBy(() -> new HybridLogicalClock(physical::get, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0");
  }

  @Test
  void now_neverReadsRealTime_followsOnlyInjectedPhysicalClock() {
    physical.set(42);
    assertThat(clock.now().wallMillis()).isEqualTo(42);
  }

  @Test
  void create_eachKind_buildsMatchingClock() {
    assertThat(ClockKind.HLC.create(physical::get, 10)).isInstanceOf(HybridLogicalClock.class);
    assertThat(ClockKind.LAMPORT.create(physical::get, 10)).isInstanceOf(LamportClock.class);
    assertThat(ClockKind.WALL.create(physical::get, 10)).isInstanceOf(WallClock.class);
  }
}
