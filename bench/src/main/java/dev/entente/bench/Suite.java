package dev.entente.bench;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The benchmark classes {@link BenchRunner} knows, by the name {@code --only} takes.
 *
 * <p>Seams for the benchmarks issue 5 also asks for, whose subjects are being written in other
 * modules: {@code SIMULATOR} (simulator steps per second) and {@code LINEARIZABILITY} (the checker
 * on the large shared histories). Each will be one more constant here naming its class, plus its
 * {@link RatioSpec}s in {@link Ratios#DEFAULT} (steps per second beside a bare event-loop floor;
 * the checker beside a sequential replay of the same history). The simulator one needs a dependency
 * on {@code simulations}, which {@code BenchArchitectureTest} must then allow.
 */
public enum Suite {
  CLOCK(ClockBenchmark.class),
  APPLY(ApplyBenchmark.class),
  MERGE(MergeBenchmark.class),
  VERSION_VECTOR(VersionVectorBenchmark.class),
  CODEC(CodecBenchmark.class),
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
