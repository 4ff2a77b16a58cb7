package dev.entente.bench;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The benchmark classes {@link BenchRunner} knows, by the name {@code --only} takes.
 *
 * <p>{@code SIMULATOR} measures complete default-profile runs per second and events per second
 * ({@link SimulatorBenchmark}, reported by {@link SimulatorRates}, not as a ratio). A seam left for
 * issue 5: {@code LINEARIZABILITY} (the checker on the large shared histories, beside a sequential
 * replay of the same history) would be one more constant here plus its {@link RatioSpec}.
 */
public enum Suite {
  CLOCK(ClockBenchmark.class),
  APPLY(ApplyBenchmark.class),
  MERGE(MergeBenchmark.class),
  VERSION_VECTOR(VersionVectorBenchmark.class),
  CODEC(CodecBenchmark.class),
  SIMULATOR(SimulatorBenchmark.class),
  SCALING(ScalingBenchmark.class),
  PEERS(PeersBenchmark.class),
  CHECKER(CheckerBenchmark.class);

  private final Class<?> benchmarkClass;

  Suite(Class<?> benchmarkClass) {
    this.benchmarkClass = benchmarkClass;
  }

  /** The name {@code --only} takes: {@code clock}, {@code version-vector}, ... */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The JMH include regex selecting this class's benchmarks. */
  public String includeRegex() {
    return "^" + Pattern.quote(benchmarkClass.getName() + ".");
  }

  /**
   * The suite called {@code name} on the command line.
   *
   * @throws IllegalArgumentException if there is none
   */
  public static Suite byCliName(String name) {
    for (Suite s : values()) {
      if (s.cliName().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown benchmark suite: " + name);
  }
}
