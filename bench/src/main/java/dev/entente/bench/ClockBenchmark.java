package dev.entente.bench;

import dev.entente.impl.clock.HybridLogicalClock;
import dev.entente.impl.clock.LamportClock;
import dev.entente.impl.clock.PhysicalClock;
import dev.entente.impl.clock.SystemPhysicalClock;
import dev.entente.model.HlcTimestamp;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The clocks' cost per timestamp, beside the physical floor {@link System#currentTimeMillis()}.
 *
 * <ul>
 *   <li>{@code currentTimeMillis}: the floor; every HLC event reads it once.
 *   <li>{@code hlcNow}: {@link HybridLogicalClock#now()} on {@link SystemPhysicalClock}, the real
 *       clock adapter. Target (issue 5): at most 1.1x the floor.
 *   <li>{@code hlcObserve}: {@link HybridLogicalClock#observe} of a remote timestamp that is behind
 *       local time, the common case on receipt.
 *   <li>{@code hlcNowFrozenPhysical}: {@code now()} on a physical clock that returns a constant,
 *       which isolates the HLC's own logic from the cost of reading the real clock.
 *   <li>{@code lamportNow}, {@code lamportObserve}: the Lamport clock, which reads no clock at all.
 * </ul>
 *
 * <p>Each state is per thread (JMH runs one thread here); the clocks are not thread-safe.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class ClockBenchmark {
  private static final PhysicalClock FROZEN = () -> Fixtures.BASE_WALL_MILLIS;

  private HybridLogicalClock hlc;
  private HybridLogicalClock hlcFrozen;
  private HybridLogicalClock hlcObserver;
  private LamportClock lamport;
  private HlcTimestamp remote;
  private HlcTimestamp lamportRemote;

  /** Fresh clocks per trial; the remote stamps sit behind local time. */
  @Setup
  public void setUp() {
    hlc = HybridLogicalClock.unbounded(SystemPhysicalClock.INSTANCE);
    hlcFrozen = HybridLogicalClock.unbounded(FROZEN);
    hlcObserver = new HybridLogicalClock(SystemPhysicalClock.INSTANCE, 60_000);
    lamport = new LamportClock();
    remote = new HlcTimestamp(Fixtures.BASE_WALL_MILLIS, 7);
    lamportRemote = new HlcTimestamp(1_000, 0);
  }

  /** The physical floor. */
  @Benchmark
  public long currentTimeMillis() {
    return System.currentTimeMillis();
  }

  /** An HLC timestamp for a local event, reading the real clock. */
  @Benchmark
  public HlcTimestamp hlcNow() {
    return hlc.now();
  }

  /** The HLC learning a remote timestamp (behind local time, under a 60 s drift guard). */
  @Benchmark
  public HybridLogicalClock hlcObserve() {
    hlcObserver.observe(remote);
    return hlcObserver;
  }

  /** The HLC's logic alone: physical time never moves, so the logical counter does the work. */
  @Benchmark
  public HlcTimestamp hlcNowFrozenPhysical() {
    return hlcFrozen.now();
  }

  /** A Lamport timestamp for a local event. */
  @Benchmark
  public HlcTimestamp lamportNow() {
    return lamport.now();
  }

  /** The Lamport clock learning a remote timestamp. */
  @Benchmark
  public LamportClock lamportObserve() {
    lamport.observe(lamportRemote);
    return lamport;
  }
}
