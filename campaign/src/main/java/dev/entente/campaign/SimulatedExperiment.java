package dev.entente.campaign;

import dev.entente.model.check.CheckResult;
import dev.entente.model.check.KvHistoryIndex;
import dev.entente.model.check.Verdict;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.driver.SimulationRunner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An experiment made of simulated runs: variants times seeds, each run judged by the default
 * checkers. Every record's metrics carry a {@link SimRun} (passed, failed checks, replay);
 * subclasses measure the rest into their own metrics type {@code M}. Immutable.
 *
 * @param <M> the experiment's metrics
 */
abstract class SimulatedExperiment<M extends SimulatedMetrics> implements Experiment {
  final CampaignPlan plan;
  private final String id;
  private final Class<M> type;

  SimulatedExperiment(CampaignPlan plan, String id, Class<M> type) {
    this.plan = plan;
    this.id = id;
    this.type = type;
  }

  @Override
  public final String id() {
    return id;
  }

  /** The variants in report order, each with its profile and overrides. */
  abstract Map<String, Variant> variants();

  /** This experiment's metrics of one finished run. */
  abstract M measure(
      SimRun run, RunSpec spec, SimulationRunner.Result result, KvHistoryIndex index);

  /** A variant: how its runs are configured. */
  record Variant(Profile profile, Overrides overrides) {}

  @Override
  public List<RunSpec> specs() {
    return VariantRuns.specs(id(), variants(), plan.firstSeed(), plan.seedCount());
  }

  @Override
  public RunRecord run(RunSpec spec) {
    RunKey key = new RunKey(id(), spec.variant(), spec.seed());
    String replay = spec.replayCommand();
    try {
      SimulationRunner.Result r = SimulationRunner.run(spec.options(), line -> {});
      SimRun run =
          new SimRun(r.passed(), String.join(",", failed(r.check())), replay, r.outcome().marks());
      M m = measure(run, spec, r, new KvHistoryIndex(r.outcome().history()));
      return new RunRecord(key, spec.index(), m);
    } catch (RuntimeException e) {
      // A crash is a finding about this seed: keep the whole trace and go on with the campaign.
      return RunRecord.crashed(key, spec.index(), replay, e);
    }
  }

  /**
   * One aggregated row per variant, keyed by the variant's name, in the order of {@code by} (so
   * {@code values()} is the table's row order).
   */
  static <T extends SimulatedMetrics, R> Map<String, R> rowsByVariant(
      List<VariantRuns<T>> by, Function<VariantRuns<T>, R> rowOf) {
    Map<String, R> out = new LinkedHashMap<>();
    for (VariantRuns<T> v : by) {
      out.put(v.variant(), rowOf.apply(v));
    }
    return out;
  }

  /** This experiment's runs by variant, in {@link #variants()} order, each sorted by seed. */
  List<VariantRuns<M>> byVariant(List<RunRecord> records) {
    Map<String, List<VariantRuns.Run<M>>> runs = new LinkedHashMap<>();
    Map<String, Long> crashed = new LinkedHashMap<>();
    for (String v : variants().keySet()) {
      runs.put(v, new ArrayList<>());
      crashed.put(v, 0L);
    }
    for (RunRecord r : records) {
      if (!r.experiment().equals(id()) || !runs.containsKey(r.variant())) {
        continue;
      }
      if (type.isInstance(r.metrics())) {
        runs.get(r.variant())
            .add(new VariantRuns.Run<>(r.variant(), r.seed(), type.cast(r.metrics())));
      } else if (r.metrics() instanceof CrashedRun) {
        crashed.merge(r.variant(), 1L, Long::sum);
      }
    }
    List<VariantRuns<M>> out = new ArrayList<>();
    for (Map.Entry<String, List<VariantRuns.Run<M>>> e : runs.entrySet()) {
      e.getValue().sort(Comparator.comparingLong(VariantRuns.Run::seed));
      out.add(new VariantRuns<>(e.getKey(), e.getValue(), crashed.getOrDefault(e.getKey(), 0L)));
    }
    return out;
  }

  /** The runs of {@code variant} in {@code by}. */
  static <M extends SimulatedMetrics> VariantRuns<M> of(List<VariantRuns<M>> by, String variant) {
    for (VariantRuns<M> v : by) {
      if (v.variant().equals(variant)) {
        return v;
      }
    }
    throw new IllegalArgumentException("no variant " + variant);
  }

  /** The row of {@code variant}: aggregates make one row per variant, runs or not. */
  static <R> R row(Map<String, R> rows, String variant) {
    R row = rows.get(variant);
    if (row == null) {
      throw new IllegalArgumentException("no variant " + variant);
    }
    return row;
  }

  /** "seeds a..b" of the plan. */
  String seedText() {
    return "seeds " + plan.firstSeed() + ".." + plan.lastSeed() + " per variant";
  }

  /** The replay of {@code run} picked for {@code why}, or null if there is no such run. */
  static @Nullable Replay pick(VariantRuns.@Nullable Run<?> run, String why) {
    return run == null ? null : run.replay(why);
  }

  private static List<String> failed(CheckResult r) {
    List<String> out = new ArrayList<>();
    collect(r, out);
    return out;
  }

  private static void collect(CheckResult r, List<String> out) {
    if (r.verdict() == Verdict.VALID) {
      return;
    }
    if (r.parts().isEmpty()) {
      out.add(r.checker());
    }
    for (CheckResult p : r.parts()) {
      collect(p, out);
    }
  }
}
