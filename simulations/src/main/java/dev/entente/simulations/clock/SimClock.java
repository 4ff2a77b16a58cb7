package dev.entente.simulations.clock;

import dev.entente.impl.clock.PhysicalClock;
import dev.entente.model.Check;
import dev.entente.model.coverage.Coverage;
import dev.entente.simulations.coverage.SimMark;
import java.util.function.LongSupplier;

/**
 * A replica's physical clock as the simulator controls it: virtual time plus a fixed skew, a drift
 * in parts per million, forward and backward steps, and strobing (flipping between the true offset
 * and an extra offset every period). Mutable, not thread-safe.
 *
 * <p>{@code millis() = EPOCH + t + skew + floor(t * driftPpm / 1e6) + steps + strobe(t)}, where
 * {@code t} is the virtual tick. It never returns a negative value.
 */
public final class SimClock implements PhysicalClock {
  /** Physical time at tick 0 (2023-11-14T22:13:20Z), so that steps back stay positive. */
  public static final long EPOCH_MILLIS = 1_700_000_000_000L;

  private final LongSupplier ticks;
  private final long skewMillis;
  private final long driftPpm;
  private long stepMillis;
  private long strobeMillis;
  private long strobePeriodTicks;
  private long strobeStartTick;

  /**
   * Creates a clock.
   *
   * @param ticks the simulator's virtual time
   */
  public SimClock(LongSupplier ticks, long skewMillis, long driftPpm) {
    Check.argument(Math.abs(skewMillis) < EPOCH_MILLIS / 2, "skew %d is absurd", skewMillis);
    Check.argument(Math.abs(driftPpm) <= 1_000_000, "drift %d ppm is absurd", driftPpm);
    this.ticks = ticks;
    this.skewMillis = skewMillis;
    this.driftPpm = driftPpm;
  }

  @Override
  public long millis() {
    long t = ticks.getAsLong();
    long value =
        EPOCH_MILLIS
            + t
            + skewMillis
            + Math.floorDiv(t * driftPpm, 1_000_000L)
            + stepMillis
            + strobeOffset(t);
    return Math.max(0, value);
  }

  /** Steps the clock by {@code deltaMillis} (negative: backwards), as NTP or an operator would. */
  public void step(long deltaMillis) {
    if (deltaMillis < 0) {
      Coverage.mark(SimMark.CLOCK_STEPPED_BACKWARDS);
    }
    stepMillis += deltaMillis;
  }

  /** Starts strobing: the clock alternates between +{@code millis} and 0 every period. */
  public void strobe(long millis, long periodTicks) {
    Check.argument(periodTicks > 0, "strobe period must be > 0, was %d", periodTicks);
    strobeMillis = millis;
    strobePeriodTicks = periodTicks;
    strobeStartTick = ticks.getAsLong();
  }

  /** Stops strobing. */
  public void stopStrobe() {
    strobeMillis = 0;
    strobePeriodTicks = 0;
  }

  /** Undoes every step and strobe (an NTP reset); skew and drift stay, they are the hardware. */
  public void reset() {
    if (stepMillis != 0) {
      Coverage.mark(SimMark.CLOCK_RESET_UNDOES_STEP);
    }
    stepMillis = 0;
    stopStrobe();
  }

  /** The fixed skew. */
  public long skewMillis() {
    return skewMillis;
  }

  /** The drift in parts per million. */
  public long driftPpm() {
    return driftPpm;
  }

  /** The sum of steps taken so far. */
  public long stepMillis() {
    return stepMillis;
  }

  private long strobeOffset(long t) {
    if (strobePeriodTicks == 0) {
      return 0;
    }
    return ((t - strobeStartTick) / strobePeriodTicks) % 2 == 0 ? strobeMillis : 0;
  }
}
