package dev.entente.bench;

import dev.entente.model.RegisterPolicy;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.SimulationOutcome;
import dev.entente.simulations.run.Simulation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The simulator's speed on one core: complete default-profile runs ({@link Simulation#run}, the
 * whole run from options to outcome, trace hash included) per second, and the events those runs
 * execute per second, per register policy. One thread, so the figures are per core.
 *
 * <p>Each invocation runs the next seed of {@link #SEEDS} (cycling), so a measurement averages over
 * a fixed set of schedules rather than repeating one. The primary score is runs per second; the
 * {@code events} counter (JMH reports it as a secondary metric, events per second) adds each run's
 * executed-event count. {@link SimulatorRates} turns both into the campaign's simulator table.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class SimulatorBenchmark {
  /** Seeds cycled through: enough schedules that one odd seed does not dominate. */
  static final int SEEDS = 64;

  /** The register policy of every run. */
  @Param({"LWW", "MV", "CAUSAL_GROUP"})
  public String policy;

  private Overrides overrides;
  private long seed;

  /** The events the measured runs executed; JMH reports the total per second. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Events {
    /** Events executed so far in this iteration. */
    public long events;

    /** Each iteration counts from zero. */
    @Setup(Level.Iteration)
    public void reset() {
      events = 0;
    }
  }

  /** The policy's overrides; seeds start at 1. */
  @Setup
  public void setUp() {
    overrides = Overrides.NONE.withPolicy(RegisterPolicy.valueOf(policy));
    seed = 0;
  }

  /** One complete default-profile run of the next seed. */
  @Benchmark
  public SimulationOutcome defaultProfileRun(Events counter) {
    seed = seed % SEEDS + 1;
    SimulationOutcome outcome = Simulation.run(Profile.DEFAULT.resolve(seed, overrides));
    counter.events += outcome.stats().events();
    return outcome;
  }
}
