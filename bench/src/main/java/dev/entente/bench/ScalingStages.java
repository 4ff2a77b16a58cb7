package dev.entente.bench;

import java.util.EnumSet;
import java.util.Set;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The JMH runs of {@link ScalingBenchmark}, kept apart from the other suites' runs: single shots,
 * one fresh JVM per parameter combination (default heap) and {@link PeakHeapProfiler}. Stateless.
 */
final class ScalingStages {
  private ScalingStages() {}

  /** {@code suites} without the scaling suite, which always runs in its own stage. */
  static Set<Suite> others(Set<Suite> suites) {
    Set<Suite> rest = EnumSet.noneOf(Suite.class);
    rest.addAll(suites);
    rest.remove(Suite.SCALING);
    return rest;
  }

  /** For {@code entente run --quick}: MV only (the policy that buffers most), up to 10^5. */
  static ChainedOptionsBuilder tiny() {
    return base().param("policy", "MV").warmupIterations(2).measurementIterations(1);
  }

  /** For the default campaign: every policy, up to 10^5. */
  static ChainedOptionsBuilder quick() {
    return base().warmupIterations(2).measurementIterations(2);
  }

  /** For publishing: every policy, 10^4 to 10^6, iterations from the annotations. */
  static ChainedOptionsBuilder full() {
    return new OptionsBuilder()
        .include(Suite.SCALING.includeRegex())
        .forks(1)
        .addProfiler(PeakHeapProfiler.class)
        .shouldFailOnError(false);
  }

  private static ChainedOptionsBuilder base() {
    return full().param("changes", "10000", "100000");
  }
}
