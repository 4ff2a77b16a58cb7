package dev.entente.campaign;

import dev.entente.campaign.report.BoxChart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * One variant's finished runs of a simulated experiment, sorted by seed, and how many of its runs
 * crashed instead. The folds the aggregators need (sums, counts, the run with the largest value)
 * are here once, typed by the experiment's metrics. Immutable.
 *
 * @param variant the variant
 * @param runs the runs that finished, by seed
 * @param crashed how many runs threw (their records are {@link CrashedRun}s)
 * @param <M> the experiment's metrics
 */
record VariantRuns<M extends SimulatedMetrics>(String variant, List<Run<M>> runs, long crashed) {
  /** One finished run: its seed and metrics. */
  record Run<M extends SimulatedMetrics>(String variant, long seed, M metrics) {
    /** This run as a representative one, picked for {@code why}. */
    Replay replay(String why) {
      return new Replay(variant, seed, why, metrics.run().replay());
    }
  }

  /** Copies the list. */
  VariantRuns {
    runs = List.copyOf(runs);
  }

  /**
   * The specs of {@code experiment}'s grid, variant-major: each variant of {@code variants} in
   * order, configured as it says, for the seeds {@code firstSeed .. firstSeed + seeds - 1}.
   */
  static List<RunSpec> specs(
      String experiment,
      Map<String, SimulatedExperiment.Variant> variants,
      long firstSeed,
      long seeds) {
    List<RunSpec> out = new ArrayList<>();
    variants.forEach(
        (name, v) -> {
          for (long s = firstSeed; s < firstSeed + seeds; s++) {
            out.add(RunSpec.of(experiment, name, s, v.profile(), v.overrides()));
          }
        });
    return out;
  }

  /** As {@link #specs(String, Map, long, long)}, every variant configured alike by {@code v}. */
  static List<RunSpec> specs(
      String experiment,
      List<String> variants,
      SimulatedExperiment.Variant v,
      long firstSeed,
      long seeds) {
    Map<String, SimulatedExperiment.Variant> alike = new LinkedHashMap<>();
    variants.forEach(name -> alike.put(name, v));
    return specs(experiment, alike, firstSeed, seeds);
  }

  /** Every run, crashed ones included. */
  long count() {
    return runs.size() + crashed;
  }

  /** Runs that failed a check (not an expected anomaly of the variant) or crashed. */
  long failing() {
    return crashed + runs.stream().filter(r -> !r.metrics().run().passed()).count();
  }

  /** The sum of {@code f} over the finished runs. */
  long sum(ToLongFunction<M> f) {
    long s = 0;
    for (Run<M> r : runs) {
      s += f.applyAsLong(r.metrics());
    }
    return s;
  }

  /** How many finished runs have {@code f} above 0. */
  long runsWith(ToLongFunction<M> f) {
    return runs.stream().filter(r -> f.applyAsLong(r.metrics()) > 0).count();
  }

  /** How many finished runs satisfy {@code p}. */
  long runsWhere(Predicate<M> p) {
    return runs.stream().filter(r -> p.test(r.metrics())).count();
  }

  /** The largest {@code f} over the finished runs, 0 if none. */
  long max(ToLongFunction<M> f) {
    long m = 0;
    for (Run<M> r : runs) {
      m = Math.max(m, f.applyAsLong(r.metrics()));
    }
    return m;
  }

  /** The present values of {@code f}, by seed. */
  List<Long> values(Function<M, Long> f) {
    List<Long> out = new ArrayList<>();
    for (Run<M> r : runs) {
      Long v = f.apply(r.metrics());
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  /** Each finished run's value of {@code f} (runs where it is null left out), for box plots. */
  List<BoxChart.Point> points(Function<M, ? extends Number> f) {
    List<BoxChart.Point> out = new ArrayList<>();
    for (Run<M> r : runs) {
      Number v = f.apply(r.metrics());
      if (v != null) {
        out.add(new BoxChart.Point(r.seed(), v.doubleValue()));
      }
    }
    return out;
  }

  /** The points of every variant of {@code by}, by variant, for a box plot. */
  static <M extends SimulatedMetrics> Map<String, List<BoxChart.Point>> points(
      List<VariantRuns<M>> by, Function<M, ? extends Number> f) {
    Map<String, List<BoxChart.Point>> out = new LinkedHashMap<>();
    by.forEach(v -> out.put(v.variant(), v.points(f)));
    return out;
  }

  /** The run with the largest {@code f} (the lowest seed on ties), or null if there is none. */
  @Nullable Run<M> maxBy(ToLongFunction<M> f) {
    Run<M> best = null;
    for (Run<M> r : runs) {
      if (best == null || f.applyAsLong(r.metrics()) > f.applyAsLong(best.metrics())) {
        best = r;
      }
    }
    return best;
  }

  /** The first run (by seed) satisfying {@code p}, or null. */
  @Nullable Run<M> first(Predicate<M> p) {
    return runs.stream().filter(r -> p.test(r.metrics())).findFirst().orElse(null);
  }
}
