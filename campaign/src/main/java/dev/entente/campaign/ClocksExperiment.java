package dev.entente.campaign;

import dev.entente.campaign.report.BarChart;
import dev.entente.campaign.report.BoxChart;
import dev.entente.campaign.report.Stats;
import dev.entente.campaign.report.TableBuilder;
import dev.entente.impl.clock.ClockKind;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.check.KvHistoryIndex;
import dev.entente.reports.ReportDocument.Chart;
import dev.entente.reports.ReportDocument.Section;
import dev.entente.reports.ReportDocument.Table;
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
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Clocks under skew: per-key LWW over wall, Lamport and hybrid logical clocks, on the {@code
 * clock-skew} profile (skew up to 2 s, drift, steps up to 5 s, strobing) with a drift guard of
 * {@link #DRIFT_LIMIT_MILLIS} ms, small enough that skew and steps sometimes exceed it.
 *
 * <p>Metrics: shown values that lose a causally later write (every one, see {@link
 * HistoryMetrics#causalOverwrites}), resurrections, the largest lead of a local write's timestamp
 * over its replica's physical clock, and remote timestamps the drift guard rejected.
 */
final class ClocksExperiment extends SimulatedExperiment<ClocksMetrics> {
  static final String ID = "clocks";

  /** The drift guard's limit in this experiment. */
  static final long DRIFT_LIMIT_MILLIS = 5000;

  ClocksExperiment(CampaignPlan plan) {
    super(plan, ID, ClocksMetrics.class);
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
  ClocksMetrics measure(
      SimRun run, RunSpec spec, SimulationRunner.Result result, KvHistoryIndex index) {
    HistoryMetrics.CausalCounts c = HistoryMetrics.causalOverwrites(index);
    RunStats st = result.outcome().stats();
    boolean hasLead =
        !spec.variant().equals("lamport") && st.maxTimestampLeadMillis() != RunStats.NO_LOCAL_WRITE;
    return new ClocksMetrics(
        run,
        c.judged(),
        c.lostShown(),
        c.lostWrites(),
        c.resurrected(),
        st.rejected(),
        hasLead ? st.maxTimestampLeadMillis() : null);
  }

  /** One clock's row of the table, which the charts and the findings read by name. */
  record Row(
      String clock,
      long runs,
      long failing,
      long judged,
      long lostShown,
      long lostWrites,
      long runsWithLoss,
      long resurrected,
      @Nullable Long leadMedian,
      @Nullable Long leadMax,
      long rejected,
      long runsWithRejection) {
    static Row of(VariantRuns<ClocksMetrics> v) {
      List<Long> leads = v.values(ClocksMetrics::maxLeadMillis);
      return new Row(
          v.variant(),
          v.count(),
          v.failing(),
          v.sum(ClocksMetrics::valuesJudged),
          v.sum(ClocksMetrics::lostShown),
          v.sum(ClocksMetrics::lostWrites),
          v.runsWith(ClocksMetrics::lostShown),
          v.sum(ClocksMetrics::resurrected),
          Stats.percentile(leads, 50),
          Stats.percentile(leads, 100),
          v.sum(ClocksMetrics::rejected),
          v.runsWith(ClocksMetrics::rejected));
    }
  }

  @Override
  public ExperimentReport aggregate(List<RunRecord> records) {
    List<VariantRuns<ClocksMetrics>> by = byVariant(records);
    Map<String, Row> row = rowsByVariant(by, Row::of);
    List<Row> rows = new ArrayList<>(row.values());
    List<Replay> picks = picks(by);
    Section section =
        new Section(
            ID,
            "Clocks under skew",
            "Which timestamp source loses causally later writes under clock skew, how far does HLC"
                + " run ahead of physical time, and how often does the drift guard refuse a remote"
                + " timestamp?",
            "Per-key LWW, delta sync, kv workload, clock-skew profile (3-5 replicas, skew up to 2"
                + " s, drift up to 1000 ppm, steps up to 5 s, strobing, delay and reordering),"
                + " drift guard "
                + DRIFT_LIMIT_MILLIS
                + " ms, "
                + seedText()
                + ".",
            List.of(table(rows), ExperimentReport.replayTable(picks)),
            charts(rows, by),
            findings(row));
    return new ExperimentReport(section, ExperimentReport.present(picks));
  }

  private static List<Replay> picks(List<VariantRuns<ClocksMetrics>> by) {
    List<Replay> picks = new ArrayList<>();
    picks.add(
        pick(
            of(by, "wall").maxBy(ClocksMetrics::lostShown),
            "wall clock run with the most lost writes"));
    picks.add(
        pick(
            of(by, "hlc").maxBy(m -> m.maxLeadMillis() == null ? 0 : m.maxLeadMillis()),
            "HLC run with the largest lead"));
    picks.add(
        pick(of(by, "hlc").maxBy(ClocksMetrics::rejected), "HLC run with the most rejections"));
    return picks;
  }

  private static List<Chart> charts(List<Row> rows, List<VariantRuns<ClocksMetrics>> by) {
    return List.of(
        BarChart.<Row>titled("Lost causally later writes per run", "clock", "shown values per run")
            .series("lost causally later writes", r -> Stats.ratio(r.lostShown(), r.runs()))
            .build(rows, Row::clock),
        BarChart.<Row>titled(
                "Remote timestamps rejected by the drift guard per run",
                "clock",
                "rejections per run")
            .series("rejected", r -> Stats.ratio(r.rejected(), r.runs()))
            .build(rows, Row::clock),
        BoxChart.of(
            "Lost causally later writes per run, distribution over runs",
            "clock",
            "shown values",
            "lost causally later writes",
            VariantRuns.points(by, ClocksMetrics::lostShown)));
  }

  private static Table table(List<Row> rows) {
    return TableBuilder.<Row>titled("Per clock")
        .column("clock", Row::clock)
        .column("runs", Row::runs)
        .column("runs failing a check", Row::failing)
        .column("shown values judged", Row::judged)
        .column("lost causally later writes (shown values)", Row::lostShown)
        .column("distinct writes lost", Row::lostWrites)
        .column("runs with a loss", Row::runsWithLoss)
        .column("resurrections (shown values)", Row::resurrected)
        .column("timestamp lead, median of run maxima (ms)", Row::leadMedian)
        .column("timestamp lead, max (ms)", Row::leadMax)
        .column("remote timestamps rejected", Row::rejected)
        .column("runs with a rejection", Row::runsWithRejection)
        .notes(
            "A lost causally later write is a read showing a value although the reading replica"
                + " had delivered a change that saw that value and then overwrote the key. Lead is"
                + " timestamp wall minus the replica's physical clock at each local write;"
                + " Lamport timestamps are counters, so they have none.")
        .build(rows);
  }

  private static String findings(Map<String, Row> row) {
    Row wall = row(row, "wall");
    Row lamport = row(row, "lamport");
    Row hlc = row(row, "hlc");
    if (hlc.runs() == 0) {
      return "No runs.";
    }
    return String.format(
        Locale.ROOT,
        "In %s per clock, wall clocks showed %s lost causally later writes (%s distinct writes,"
            + " in %s runs); Lamport clocks showed %s and HLC %s. HLC timestamps led physical time"
            + " by at most %s ms (median of per-run maxima %s ms), because HLC carries the"
            + " largest timestamp it has seen; wall-clock timestamps never lead (max %s ms). The"
            + " drift guard (limit %d ms) rejected %s remote timestamps under wall clocks and %s"
            + " under HLC; Lamport clocks have no guard (%s). Runs failing a check: wall %s,"
            + " Lamport %s, HLC %s.",
        Stats.plural(wall.runs(), "run"),
        wall.lostShown(),
        wall.lostWrites(),
        wall.runsWithLoss(),
        lamport.lostShown(),
        hlc.lostShown(),
        Stats.text(hlc.leadMax()),
        Stats.text(hlc.leadMedian()),
        Stats.text(wall.leadMax()),
        DRIFT_LIMIT_MILLIS,
        wall.rejected(),
        hlc.rejected(),
        lamport.rejected(),
        wall.failing(),
        lamport.failing(),
        hlc.failing());
  }
}
