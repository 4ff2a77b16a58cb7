package dev.entente.impl.clock;

import dev.entente.impl.coverage.ImplMark;
import dev.entente.model.Check;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.coverage.Coverage;
import java.util.Objects;

/**
 * The naive baseline: stamps each event with the current physical time and a counter of 0. It is
 * neither monotonic nor causal: if the physical clock steps back, or lags the replica a write came
 * from, a causally later write gets a smaller timestamp and last-writer-wins drops it. The
 * experiments keep it to show exactly that loss. Not thread-safe: a replica owns its clock.
 *
 * <p>{@link #observe} learns nothing from a remote timestamp, but still enforces the drift guard so
 * that all variants refuse the same inputs. {@link #current()} is the last timestamp issued,
 * starting at {@link HlcTimestamp#ZERO}; observed timestamps do not change it.
 */
public final class WallClock implements TimestampClock {
  private final PhysicalClock physical;
  private final long maxDriftMillis;

  private HlcTimestamp last = HlcTimestamp.ZERO;

  /**
   * Creates a clock that reads physical time from {@code physical}.
   *
   * @param maxDriftMillis how far ahead of local physical time a remote timestamp may be, {@code >
   *     0}; {@link Long#MAX_VALUE} means no limit
   */
  public WallClock(PhysicalClock physical, long maxDriftMillis) {
    Check.argument(maxDriftMillis > 0, "maxDriftMillis must be > 0, was %d", maxDriftMillis);
    this.physical = Objects.requireNonNull(physical, "physical");
    this.maxDriftMillis = maxDriftMillis;
  }

  /** Creates a clock with no drift guard. */
  public static WallClock unbounded(PhysicalClock physical) {
    return new WallClock(physical, Long.MAX_VALUE);
  }

  /** The drift limit: {@link Long#MAX_VALUE} if there is none. */
  public long maxDriftMillis() {
    return maxDriftMillis;
  }

  /**
   * Returns {@code (physical time, 0)}, which may be smaller than or equal to earlier results.
   *
   * @throws IllegalStateException if the physical clock reports negative time
   */
  @Override
  public HlcTimestamp now() {
    HlcTimestamp next = new HlcTimestamp(readPhysical(), 0);
    if (next.compareTo(last) < 0) {
      Coverage.mark(ImplMark.WALL_CLOCK_WENT_BACKWARDS);
    }
    last = next;
    return last;
  }

  /**
   * Checks the drift guard and otherwise ignores {@code remote}.
   *
   * @throws IllegalStateException if the physical clock reports negative time
   */
  @Override
  public void observe(HlcTimestamp remote) {
    Objects.requireNonNull(remote, "remote");
    long pt = readPhysical();
    if (remote.wallMillis() - pt > maxDriftMillis) {
      throw new ClockDriftException(remote, pt, maxDriftMillis);
    }
  }

  @Override
  public HlcTimestamp current() {
    return last;
  }

  @Override
  public String toString() {
    return "WallClock{" + last + ", maxDriftMillis=" + maxDriftMillis + "}";
  }

  private long readPhysical() {
    long pt = physical.millis();
    Check.state(pt >= 0, "physical clock returned negative time %d", pt);
    return pt;
  }
}
