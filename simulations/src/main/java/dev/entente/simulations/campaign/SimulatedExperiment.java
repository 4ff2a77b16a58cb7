package dev.entente.simulations.campaign;

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
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An experiment made of simulated runs: variants times seeds, each run judged by the default
 * checkers. Every record carries {@code passed} (1 if the run passed every check that is not an
 * expected anomaly of its variant), {@code failedChecks} and {@code replay}; subclasses add their
 * metrics. Immutable.
 */
abstract class SimulatedExperiment implements Experiment {
  final CampaignPlan plan;

  SimulatedExperiment(CampaignPlan plan) {
    this.plan = plan;
  }

  /** The variants in report order, each with its profile and overrides. */
  abstract Map<String, Variant> variants();

  /** Adds this experiment's metrics of one finished run. */
  abstract void measure(
      RunSpec spec, SimulationRunner.Result result, KvHistoryIndex index, Map<String, Object> m);

  /** A variant: how its runs are configured. */
  record Variant(Profile profile, Overrides overrides) {}

  @Override
  public List<RunSpec> specs() {
    List<RunSpec> out = new ArrayList<>();
    for (Map.Entry<String, Variant> v : variants().entrySet()) {
      for (long s = plan.firstSeed(); s <= plan.lastSeed(); s++) {
        out.add(RunSpec.of(id(), v.getKey(), s, v.getValue().profile(), v.getValue().overrides()));
      }
    }
    return out;
  }

  @Override
  public RunRecord run(RunSpec spec) {
    SimulationRunner.Result r = SimulationRunner.run(spec.options(), line -> {});
    SortedMap<String, Object> m = new TreeMap<>();
    m.put("passed", r.passed() ? 1L : 0L);
    m.put("failedChecks", String.join(",", failed(r.check())));
    m.put("replay", spec.replayCommand());
    measure(spec, r, new KvHistoryIndex(r.outcome().history()), m);
    return new RunRecord(spec.index(), id(), spec.variant(), spec.seed(), m);
  }

  /** This experiment's records by variant, in {@link #variants()} order, each sorted by seed. */
  Map<String, List<RunRecord>> byVariant(List<RunRecord> records) {
    Map<String, List<RunRecord>> out = new LinkedHashMap<>();
    for (String v : variants().keySet()) {
      out.put(v, new ArrayList<>());
    }
    for (RunRecord r : records) {
      if (r.experiment().equals(id()) && out.containsKey(r.variant())) {
        out.get(r.variant()).add(r);
      }
    }
    out.values().forEach(l -> l.sort(Comparator.comparingLong(RunRecord::seed)));
    return out;
  }

  /** The sum of metric {@code name} over {@code records}. */
  static long sum(List<RunRecord> records, String name) {
    long s = 0;
    for (RunRecord r : records) {
      s += r.count(name);
    }
    return s;
  }

  /** How many of {@code records} have metric {@code name} above 0. */
  static long runsWith(List<RunRecord> records, String name) {
    return records.stream().filter(r -> r.count(name) > 0).count();
  }

  /** The records that failed a check (not an expected anomaly). */
  static long failedRuns(List<RunRecord> records) {
    return records.stream().filter(r -> r.count("passed") == 0).count();
  }

  /** The record with the largest metric {@code name} (lowest seed on ties), or null. */
  static RunRecord maxBy(List<RunRecord> records, String name) {
    RunRecord best = null;
    for (RunRecord r : records) {
      if (best == null || r.count(name) > best.count(name)) {
        best = r;
      }
    }
    return best;
  }

  /** "seeds a..b" of the plan. */
  String seedText() {
    return "seeds " + plan.firstSeed() + ".." + plan.lastSeed() + " per variant";
  }

  /** The replay table: one representative run per row. */
  static Section.Table replayTable(List<RunRecord> picks, List<String> why) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < picks.size(); i++) {
      RunRecord r = picks.get(i);
      if (r != null) {
        rows.add(List.of(r.variant(), r.seed(), why.get(i), r.text("replay")));
      }
    }
    return new Section.Table(
        "Replay a representative run",
        List.of("variant", "seed", "why this run", "command"),
        rows,
        "Each command reruns one simulated run exactly (same seed, same options, same trace).");
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
