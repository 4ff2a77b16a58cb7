package dev.entente.campaign;

import dev.entente.campaign.report.BoxChart;
import dev.entente.campaign.report.Stats;
import dev.entente.campaign.report.TableBuilder;
import dev.entente.impl.clock.ClockKind;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.check.KvHistoryIndex;
import dev.entente.reports.ReportDocument.Chart;
import dev.entente.reports.ReportDocument.ChartKind;
import dev.entente.reports.ReportDocument.Section;
import dev.entente.reports.ReportDocument.Series;
import dev.entente.reports.ReportDocument.Table;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.RunStats;
import dev.entente.simulations.driver.SimulationRunner;
import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.sync.SyncKind;
import dev.entente.simulations.workload.WorkloadKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

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
final class SyncExperiment extends SimulatedExperiment<SyncMetrics> {
  static final String ID = "sync";

  private static final List<SyncKind> KINDS = List.of(SyncKind.OP, SyncKind.STATE, SyncKind.DELTA);

  private static final List<String> CONDITIONS = List.of("loss", "partitions");

  SyncExperiment(CampaignPlan plan) {
    super(plan, ID, SyncMetrics.class);
  }

  @Override
  Map<String, Variant> variants() {
    Map<String, Variant> out = new LinkedHashMap<>();
    for (String condition : CONDITIONS) {
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
  SyncMetrics measure(
      SimRun run, RunSpec spec, SimulationRunner.Result result, KvHistoryIndex index) {
    RunStats st = result.outcome().stats();
    return new SyncMetrics(
        run,
        index.writes().size(),
        st.messages(),
        st.bytes(),
        result.outcome().quiescent() ? st.convergenceTicks() : null);
  }

  /** One variant's row of the table, which the charts and the findings read by name. */
  record Row(
      String sync,
      String condition,
      long runs,
      long failing,
      long changes,
      @Nullable Double messagesPerChange,
      @Nullable Double bytesPerChange,
      @Nullable Long p50,
      @Nullable Long p90,
      @Nullable Long p99,
      @Nullable Long max,
      long unconverged) {
    static Row of(VariantRuns<SyncMetrics> v) {
      List<Long> ticks = new ArrayList<>(v.values(SyncMetrics::convergenceTicks));
      ticks.removeIf(t -> t < 0);
      String[] parts = v.variant().split("/", 2);
      long changes = v.sum(SyncMetrics::changes);
      return new Row(
          parts[0],
          parts[1],
          v.count(),
          v.failing(),
          changes,
          Stats.ratio(v.sum(SyncMetrics::messages), changes),
          Stats.ratio(v.sum(SyncMetrics::bytes), changes),
          Stats.percentile(ticks, 50),
          Stats.percentile(ticks, 90),
          Stats.percentile(ticks, 99),
          Stats.percentile(ticks, 100),
          v.runs().size() - ticks.size());
    }
  }

  @Override
  public ExperimentReport aggregate(List<RunRecord> records) {
    List<VariantRuns<SyncMetrics>> by = byVariant(records);
    Map<String, Row> row = rowsByVariant(by, Row::of);
    List<Row> rows = new ArrayList<>(row.values());
    List<Replay> picks = picks(by);
    Section section =
        new Section(
            ID,
            "Anti-entropy under loss and partitions",
            "What does each anti-entropy variant cost in messages and bytes per change, and how"
                + " fast does it converge once faults heal?",
            "Per-key LWW, HLC, kv workload. Condition loss: 5% message loss, delay spread and"
                + " reordering only. Condition partitions: the partitions profile (3-6 replicas,"
                + " every partition shape, clogging, swizzle-clogging, loss, reordering, delay). "
                + seedText()
                + ".",
            List.of(table(rows), ExperimentReport.replayTable(picks)),
            List.of(
                chart(row, "Bytes per change", "bytes", Row::bytesPerChange),
                chart(
                    row,
                    "Convergence time p90 (ticks after the final heal)",
                    "ticks",
                    r -> r.p90() == null ? null : r.p90().doubleValue()),
                BoxChart.of(
                    "Convergence time per run (ticks after the final heal), distribution over runs",
                    "sync/condition",
                    "ticks",
                    "convergence time",
                    VariantRuns.points(by, SyncExperiment::convergedTicks))),
            findings(row));
    return new ExperimentReport(section, ExperimentReport.present(picks));
  }

  /** The convergence time of a run that converged, else null (left out of the distribution). */
  private static @Nullable Long convergedTicks(SyncMetrics m) {
    Long t = m.convergenceTicks();
    return t == null || t < 0 ? null : t;
  }

  /** The slowest convergence under partitions of each sync variant. */
  private static List<Replay> picks(List<VariantRuns<SyncMetrics>> by) {
    List<Replay> picks = new ArrayList<>();
    for (SyncKind k : KINDS) {
      VariantRuns<SyncMetrics> v = of(by, k.optionName() + "/partitions");
      picks.add(
          pick(v.maxBy(SyncExperiment::ticksOrMinusOne), "slowest convergence under partitions"));
    }
    return picks;
  }

  private static long ticksOrMinusOne(SyncMetrics m) {
    return m.convergenceTicks() == null ? -1 : m.convergenceTicks();
  }

  private static Table table(List<Row> rows) {
    return TableBuilder.<Row>titled("Per sync variant and condition")
        .column("sync", Row::sync)
        .column("condition", Row::condition)
        .column("runs", Row::runs)
        .column("runs failing a check", Row::failing)
        .column("changes", Row::changes)
        .column("messages per change", Row::messagesPerChange)
        .column("bytes per change", Row::bytesPerChange)
        .column("convergence p50 (ticks)", Row::p50)
        .column("p90", Row::p90)
        .column("p99", Row::p99)
        .column("max", Row::max)
        .column("runs not converged", Row::unconverged)
        .notes(
            "Messages and bytes cover both phases of every run (faults on, then healed)."
                + " Convergence time is from the final heal to quiescence, probed every 40 ticks;"
                + " percentiles are exact (nearest rank).")
        .build(rows);
  }

  private static Chart chart(
      Map<String, Row> row, String title, String unit, Function<Row, Double> value) {
    List<String> kinds = new ArrayList<>();
    KINDS.forEach(k -> kinds.add(k.optionName()));
    List<Series> series = new ArrayList<>();
    for (String condition : CONDITIONS) {
      List<Double> values = new ArrayList<>();
      for (String k : kinds) {
        Row r = row.get(k + "/" + condition);
        values.add(r == null ? null : value.apply(r));
      }
      series.add(new Series(condition, values));
    }
    return new Chart(title, ChartKind.BAR, "sync", unit, kinds, series);
  }

  private static String findings(Map<String, Row> row) {
    StringBuilder s = new StringBuilder();
    for (String condition : CONDITIONS) {
      Row op = row(row, "op/" + condition);
      Row state = row(row, "state/" + condition);
      Row delta = row(row, "delta/" + condition);
      if (op.runs() + state.runs() + delta.runs() == 0) {
        continue;
      }
      s.append(
          String.format(
              Locale.ROOT,
              "Under %s, op push sent %s messages and %s bytes per change, state gossip %s and %s,"
                  + " delta %s and %s; convergence p90 was %s ticks for op push, %s for state"
                  + " gossip and %s for delta (max %s, %s, %s); runs not converged: %s, %s, %s. ",
              condition,
              Stats.text(op.messagesPerChange()),
              Stats.text(op.bytesPerChange()),
              Stats.text(state.messagesPerChange()),
              Stats.text(state.bytesPerChange()),
              Stats.text(delta.messagesPerChange()),
              Stats.text(delta.bytesPerChange()),
              Stats.text(op.p90()),
              Stats.text(state.p90()),
              Stats.text(delta.p90()),
              Stats.text(op.max()),
              Stats.text(state.max()),
              Stats.text(delta.max()),
              op.unconverged(),
              state.unconverged(),
              delta.unconverged()));
    }
    return s.length() == 0 ? "No runs." : s.toString().strip();
  }
}
