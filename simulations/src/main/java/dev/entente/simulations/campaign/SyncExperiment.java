package dev.entente.simulations.campaign;

import dev.entente.impl.clock.ClockKind;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.check.KvHistoryIndex;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.RunStats;
import dev.entente.simulations.driver.SimulationRunner;
import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.sync.SyncKind;
import dev.entente.simulations.workload.WorkloadKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Anti-entropy variants: op push, state gossip and version-vector delta, under message loss (with
 * delay and reordering) and under partitions (the {@code partitions} profile: every partition
 * shape, clogging, loss). Per-key LWW over HLC, kv workload.
 *
 * <p>Metrics: messages and bytes sent over the whole run (both phases) per change made, and the
 * convergence time: ticks from the final heal until the cluster is quiescent (probed every sync
 * interval, 40 ticks, so that is the resolution). Percentiles are exact, by nearest rank over the
 * sorted per-run values ({@link Stats#percentile}); no histogram is needed at these sizes.
 */
final class SyncExperiment extends SimulatedExperiment {
  static final String ID = "sync";

  private static final List<SyncKind> KINDS = List.of(SyncKind.OP, SyncKind.STATE, SyncKind.DELTA);

  SyncExperiment(CampaignPlan plan) {
    super(plan);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  Map<String, Variant> variants() {
    Map<String, Variant> out = new LinkedHashMap<>();
    for (String condition : List.of("loss", "partitions")) {
      for (SyncKind k : KINDS) {
        Overrides o =
            Overrides.NONE
                .withSync(k)
                .withPolicy(RegisterPolicy.LWW)
                .withClock(ClockKind.HLC)
                .withWorkload(WorkloadKind.KV);
        Profile p = Profile.PARTITIONS;
        if (condition.equals("loss")) {
          o = o.withFaults(EnumSet.of(FaultKind.LOSS, FaultKind.DELAY, FaultKind.REORDER));
        }
        out.put(k.optionName() + "/" + condition, new Variant(p, o));
      }
    }
    return out;
  }

  @Override
  void measure(
      RunSpec spec, SimulationRunner.Result result, KvHistoryIndex index, Map<String, Object> m) {
    RunStats st = result.outcome().stats();
    m.put("changes", (long) index.writes().size());
    m.put("messages", st.messages());
    m.put("bytes", st.bytes());
    m.put("convergenceTicks", result.outcome().quiescent() ? st.convergenceTicks() : -1L);
  }

  @Override
  public Section aggregate(List<RunRecord> records) {
    Map<String, List<RunRecord>> by = byVariant(records);
    List<List<Object>> rows = new ArrayList<>();
    Map<String, Object[]> row = new LinkedHashMap<>();
    for (Map.Entry<String, List<RunRecord>> e : by.entrySet()) {
      List<RunRecord> rs = e.getValue();
      List<Long> ticks = new ArrayList<>();
      long unconverged = 0;
      for (RunRecord r : rs) {
        long t = r.longMetric("convergenceTicks", -1);
        if (t < 0) {
          unconverged++;
        } else {
          ticks.add(t);
        }
      }
      String[] parts = e.getKey().split("/", 2);
      long changes = sum(rs, "changes");
      Object[] cells = {
        parts[0],
        parts[1],
        (long) rs.size(),
        failedRuns(rs),
        changes,
        Stats.ratio(sum(rs, "messages"), changes),
        Stats.ratio(sum(rs, "bytes"), changes),
        Stats.percentile(ticks, 50),
        Stats.percentile(ticks, 90),
        Stats.percentile(ticks, 99),
        Stats.percentile(ticks, 100),
        unconverged
      };
      row.put(e.getKey(), cells);
      rows.add(Arrays.asList(cells));
    }
    Section.Table table =
        new Section.Table(
            "Per sync variant and condition",
            List.of(
                "sync",
                "condition",
                "runs",
                "runs failing a check",
                "changes",
                "messages per change",
                "bytes per change",
                "convergence p50 (ticks)",
                "p90",
                "p99",
                "max",
                "runs not converged"),
            rows,
            "Messages and bytes cover both phases of every run (faults on, then healed)."
                + " Convergence time is from the final heal to quiescence, probed every 40 ticks;"
                + " percentiles are exact (nearest rank).");
    List<String> kinds = new ArrayList<>();
    KINDS.forEach(k -> kinds.add(k.optionName()));
    return new Section(
        ID,
        "Anti-entropy under loss and partitions",
        "What does each anti-entropy variant cost in messages and bytes per change, and how fast"
            + " does it converge once faults heal?",
        "Per-key LWW, HLC, kv workload. Condition loss: 5% message loss, delay spread and"
            + " reordering only. Condition partitions: the partitions profile (3-6 replicas, every"
            + " partition shape, clogging, swizzle-clogging, loss, reordering, delay). "
            + seedText()
            + ".",
        List.of(table, replayTable(picks(by), whys())),
        List.of(
            chart(row, kinds, "Bytes per change", "bytes", 6),
            chart(row, kinds, "Convergence time p90 (ticks after the final heal)", "ticks", 8)),
        findings(row));
  }

  private List<RunRecord> picks(Map<String, List<RunRecord>> by) {
    List<RunRecord> out = new ArrayList<>();
    for (SyncKind k : KINDS) {
      out.add(maxBy(by.get(k.optionName() + "/partitions"), "convergenceTicks"));
    }
    return out;
  }

  private static List<String> whys() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < KINDS.size(); i++) {
      out.add("slowest convergence under partitions");
    }
    return out;
  }

  private static Section.Chart chart(
      Map<String, Object[]> row, List<String> kinds, String title, String unit, int column) {
    List<Section.Series> series = new ArrayList<>();
    for (String condition : List.of("loss", "partitions")) {
      List<Double> values = new ArrayList<>();
      for (String k : kinds) {
        Object[] cells = row.get(k + "/" + condition);
        Object v = cells == null ? null : cells[column];
        values.add(v == null ? null : ((Number) v).doubleValue());
      }
      series.add(new Section.Series(condition, values));
    }
    return new Section.Chart(title, "bar", "sync", unit, kinds, series);
  }

  private static String findings(Map<String, Object[]> row) {
    StringBuilder s = new StringBuilder();
    for (String condition : List.of("loss", "partitions")) {
      Object[] op = row.get("op/" + condition);
      Object[] state = row.get("state/" + condition);
      Object[] delta = row.get("delta/" + condition);
      if (op == null || state == null || delta == null) {
        continue;
      }
      if ((long) op[2] + (long) state[2] + (long) delta[2] == 0) {
        continue;
      }
      s.append(
          String.format(
              Locale.ROOT,
              "Under %s, op push sent %s messages and %s bytes per change, state gossip %s and %s,"
                  + " delta %s and %s; convergence p90 was %s ticks for op push, %s for state"
                  + " gossip and %s for delta (max %s, %s, %s); runs not converged: %s, %s, %s. ",
              condition,
              Stats.text(op[5]),
              Stats.text(op[6]),
              Stats.text(state[5]),
              Stats.text(state[6]),
              Stats.text(delta[5]),
              Stats.text(delta[6]),
              Stats.text(op[8]),
              Stats.text(state[8]),
              Stats.text(delta[8]),
              Stats.text(op[10]),
              Stats.text(state[10]),
              Stats.text(delta[10]),
              Stats.text(op[11]),
              Stats.text(state[11]),
              Stats.text(delta[11])));
    }
    return s.length() == 0 ? "No runs." : s.toString().strip();
  }
}
