package dev.entente.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.clock.HybridLogicalClock;
import dev.entente.model.HlcTimestamp;
import dev.entente.simulations.clock.SimClock;
import org.junit.jupiter.api.Test;

class SimClockTest {
  private long tick;

  @Test
  void skew_isAFixedOffset() {
    SimClock c = new SimClock(() -> tick, 250, 0);
    tick = 1000;
    assertThat(c.millis()).isEqualTo(SimClock.EPOCH_MILLIS + 1000 + 250);
  }

  @Test
  void drift_growsWithTime() {
    SimClock fast = new SimClock(() -> tick, 0, 1000);
    SimClock slow = new SimClock(() -> tick, 0, -1000);
    tick = 100_000;
    assertThat(fast.millis() - SimClock.EPOCH_MILLIS).isEqualTo(100_100);
    assertThat(slow.millis() - SimClock.EPOCH_MILLIS).isEqualTo(99_900);
  }

  @Test
  void stepBack_movesPhysicalTimeBackwards_resetUndoesIt() {
    SimClock c = new SimClock(() -> tick, 0, 0);
    tick = 500;
    long before = c.millis();
    c.step(-2000);
    assertThat(c.millis()).isEqualTo(before - 2000);
    c.reset();
    assertThat(c.millis()).isEqualTo(before);
  }

  @Test
  void strobe_flipsEveryPeriod() {
    SimClock c = new SimClock(() -> tick, 0, 0);
    tick = 0;
    c.strobe(100, 10);
    long base = SimClock.EPOCH_MILLIS;
    assertThat(c.millis()).isEqualTo(base + 100);
    tick = 10;
    assertThat(c.millis()).isEqualTo(base + 10);
    tick = 25;
    assertThat(c.millis()).isEqualTo(base + 25 + 100);
    c.stopStrobe();
    assertThat(c.millis()).isEqualTo(base + 25);
  }

  @Test
  void hlcOverSimClock_stepBack_staysMonotonic() {
    SimClock c = new SimClock(() -> tick, 0, 0);
    HybridLogicalClock hlc = HybridLogicalClock.unbounded(c);
    tick = 100;
    HlcTimestamp a = hlc.now();
    c.step(-5000);
    tick = 101;
    HlcTimestamp b = hlc.now();
    assertThat(b).isGreaterThan(a);
    hlc.checkRep();
  }
}
