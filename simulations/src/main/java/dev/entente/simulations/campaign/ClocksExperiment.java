package dev.entente.simulations.campaign;

import dev.entente.impl.clock.ClockKind;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.check.KvHistoryIndex;
import dev.entente.simulations.ClockOptions;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.RunStats;
import dev.entente.simulations.driver.SimulationRunner;
import dev.entente.simulations.sync.SyncKind;
import dev.entente.simulations.workload.WorkloadKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Clocks under skew: per-key LWW over wall, Lamport and hybrid logical clocks, on the {@code
 * clock-skew} profile (skew up to 2 s, drift, steps up to 5 s, strobing) with a drift guard of
 * {@link #DRIFT_LIMIT_MILLIS} ms, small enough that skew and steps sometimes exceed it.
 *
 * <p>Metrics: shown values that lose a causally later write (every one, see {@link
 * HistoryMetrics#causalOverwrites}), resurrections, the largest lead of a local write's timestamp
 * over its replica's physical clock, and remote timestamps the drift guard rejected.
 */
final class ClocksExperiment extends SimulatedExperiment {
  static final String ID = "clocks";

  /** The drift guard's limit in this experiment. */
  static final long DRIFT_LIMIT_MILLIS = 5000;

  ClocksExperiment(CampaignPlan plan) {
    super(plan);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  Map<String, Variant> variants() {
    Map<String, Variant> out = new LinkedHashMap<>();
    for (ClockKind k : List.of(ClockKind.WALL, ClockKind.LAMPORT, ClockKind.HLC)) {
      Overrides o =
          Overrides.NONE
              .withClock(k)
              .withPolicy(RegisterPolicy.LWW)
              .withSync(SyncKind.DELTA)
              .withWorkload(WorkloadKind.KV)
              .withMaxDrift(DRIFT_LIMIT_MILLIS);
      out.put(ClockOptions.name(k), new Variant(Profile.CLOCK_SKEW, o));
    }
    return out;
  }

  @Override
  void measure(
      RunSpec spec, SimulationRunner.Result result, KvHistoryIndex index, Map<String, Object> m) {
    HistoryMetrics.CausalCounts c = HistoryMetrics.causalOverwrites(index);
    RunStats st = result.outcome().stats();
    m.put("valuesJudged", c.judged());
    m.put("lostShown", c.lostShown());
    m.put("lostWrites", c.lostWrites());
    m.put("resurrected", c.resurrected());
    m.put("rejected", st.rejected());
    if (!spec.variant().equals("lamport")
        && st.maxTimestampLeadMillis() != RunStats.NO_LOCAL_WRITE) {
      m.put("maxLeadMillis", st.maxTimestampLeadMillis());
    }
  }

  @Override
  public Section aggregate(List<RunRecord> records) {
    Map<String, List<RunRecord>> by = byVariant(records);
    List<List<Object>> rows = new ArrayList<>();
    List<Double> lostPerRun = new ArrayList<>();
    List<Double> rejectedPerRun = new ArrayList<>();
    Map<String, Object[]> row = new LinkedHashMap<>();
    for (Map.Entry<String, List<RunRecord>> e : by.entrySet()) {
      List<RunRecord> rs = e.getValue();
      List<Long> leads = new ArrayList<>();
      rs.forEach(r -> leads.add(r.longMetric("maxLeadMillis", Long.MIN_VALUE)));
      leads.removeIf(x -> x == Long.MIN_VALUE);
      Object[] cells = {
        e.getKey(),
        (long) rs.size(),
        failedRuns(rs),
        sum(rs, "valuesJudged"),
        sum(rs, "lostShown"),
        sum(rs, "lostWrites"),
        runsWith(rs, "lostShown"),
        sum(rs, "resurrected"),
        Stats.percentile(leads, 50),
        Stats.percentile(leads, 100),
        sum(rs, "rejected"),
        runsWith(rs, "rejected")
      };
      row.put(e.getKey(), cells);
      rows.add(java.util.Arrays.asList(cells));
      lostPerRun.add(Stats.ratio(sum(rs, "lostShown"), rs.size()));
      rejectedPerRun.add(Stats.ratio(sum(rs, "rejected"), rs.size()));
    }
    Section.Table table =
        new Section.Table(
            "Per clock",
            List.of(
                "clock",
                "runs",
                "runs failing a check",
                "shown values judged",
                "lost causally later writes (shown values)",
                "distinct writes lost",
                "runs with a loss",
                "resurrections (shown values)",
                "timestamp lead, median of run maxima (ms)",
                "timestamp lead, max (ms)",
                "remote timestamps rejected",
                "runs with a rejection"),
            rows,
            "A lost causally later write is a read showing a value although the reading replica had"
                + " delivered a change that saw that value and then overwrote the key. Lead is"
                + " timestamp wall minus the replica's physical clock at each local write;"
                + " Lamport timestamps are counters, so they have none.");
    List<String> cats = new ArrayList<>(by.keySet());
    Section.Chart lostChart =
        new Section.Chart(
            "Lost causally later writes per run",
            "bar",
            "clock",
            "shown values per run",
            cats,
            List.of(new Section.Series("lost causally later writes", lostPerRun)));
    Section.Chart rejectedChart =
        new Section.Chart(
            "Remote timestamps rejected by the drift guard per run",
            "bar",
            "clock",
            "rejections per run",
            cats,
            List.of(new Section.Series("rejected", rejectedPerRun)));
    List<RunRecord> picks = new ArrayList<>();
    picks.add(maxBy(by.get("wall"), "lostShown"));
    picks.add(maxBy(by.get("hlc"), "maxLeadMillis"));
    picks.add(maxBy(by.get("hlc"), "rejected"));
    return new Section(
        ID,
        "Clocks under skew",
        "Which timestamp source loses causally later writes under clock skew, how far does HLC run"
            + " ahead of physical time, and how often does the drift guard refuse a remote"
            + " timestamp?",
        "Per-key LWW, delta sync, kv workload, clock-skew profile (3-5 replicas, skew up to 2 s,"
            + " drift up to 1000 ppm, steps up to 5 s, strobing, delay and reordering), drift"
            + " guard "
            + DRIFT_LIMIT_MILLIS
            + " ms, "
            + seedText()
            + ".",
        List.of(
            table,
            replayTable(
                picks,
                List.of(
                    "wall clock run with the most lost writes",
                    "HLC run with the largest lead",
                    "HLC run with the most rejections"))),
        List.of(lostChart, rejectedChart),
        findings(row));
  }

  private static String findings(Map<String, Object[]> row) {
    Object[] wall = row.get("wall");
    Object[] lamport = row.get("lamport");
    Object[] hlc = row.get("hlc");
    if (wall == null || lamport == null || hlc == null || (long) hlc[1] == 0) {
      return "No runs.";
    }
    return String.format(
        java.util.Locale.ROOT,
        "In %s per clock, wall clocks showed %s lost causally later writes (%s distinct writes,"
            + " in %s runs); Lamport clocks showed %s and HLC %s. HLC timestamps led physical time"
            + " by at most %s ms (median of per-run maxima %s ms), because HLC carries the"
            + " largest timestamp it has seen; wall-clock timestamps never lead (max %s ms). The"
            + " drift guard (limit %d ms) rejected %s remote timestamps under wall clocks and %s"
            + " under HLC; Lamport clocks have no guard (%s). Runs failing a check: wall %s,"
            + " Lamport %s, HLC %s.",
        Stats.plural((long) wall[1], "run"),
        Stats.text(wall[4]),
        Stats.text(wall[5]),
        Stats.text(wall[6]),
        Stats.text(lamport[4]),
        Stats.text(hlc[4]),
        Stats.text(hlc[9]),
        Stats.text(hlc[8]),
        Stats.text(wall[9]),
        DRIFT_LIMIT_MILLIS,
        Stats.text(wall[10]),
        Stats.text(hlc[10]),
        Stats.text(lamport[10]),
        Stats.text(wall[2]),
        Stats.text(lamport[2]),
        Stats.text(hlc[2]));
  }
}
