package dev.entente.campaign;

import dev.entente.campaign.report.BarChart;
import dev.entente.campaign.report.BoxChart;
import dev.entente.campaign.report.Stats;
import dev.entente.campaign.report.TableBuilder;
import dev.entente.impl.clock.ClockKind;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.check.KvHistoryIndex;
import dev.entente.model.check.LinearizabilityAnalysis;
import dev.entente.model.check.LinearizabilityChecker;
import dev.entente.model.check.Models;
import dev.entente.model.check.SearchBudget;
import dev.entente.model.check.Verdict;
import dev.entente.model.history.History;
import dev.entente.reports.ReportDocument.Chart;
import dev.entente.reports.ReportDocument.Section;
import dev.entente.reports.ReportDocument.Table;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
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
 * The single-server sequencer against multi-master replicas (delta sync), on the {@code partitions}
 * profile: linearizability of the history, projected onto per-key registers ({@link
 * RegisterHistory}), with a fixed step budget ({@link #SEARCH_STEPS}; over it the verdict is
 * UNKNOWN), and the share of writes accepted while a partition was on: the consistency and
 * availability sides of CAP.
 */
final class SequencerExperiment extends SimulatedExperiment<SequencerMetrics> {
  static final String ID = "sequencer";

  /** The linearizability search's step budget per history: deterministic, no deadline. */
  static final long SEARCH_STEPS = 200_000;

  SequencerExperiment(CampaignPlan plan) {
    super(plan, ID, SequencerMetrics.class);
  }

  @Override
  Map<String, Variant> variants() {
    Map<String, Variant> out = new LinkedHashMap<>();
    Overrides base =
        Overrides.NONE
            .withPolicy(RegisterPolicy.LWW)
            .withClock(ClockKind.HLC)
            .withWorkload(WorkloadKind.KV);
    out.put("sequencer", new Variant(Profile.PARTITIONS, base.withSync(SyncKind.SEQUENCER)));
    out.put("multi-master", new Variant(Profile.PARTITIONS, base.withSync(SyncKind.DELTA)));
    return out;
  }

  @Override
  SequencerMetrics measure(
      SimRun run, RunSpec spec, SimulationRunner.Result result, KvHistoryIndex index) {
    History kv = result.outcome().history();
    LinearizabilityAnalysis a =
        new LinearizabilityChecker(
                Models.multiRegister(RegisterHistory.initialState(kv)),
                SearchBudget.steps(SEARCH_STEPS))
            .analyse(RegisterHistory.project(kv));
    HistoryMetrics.Availability av = HistoryMetrics.availability(kv);
    return new SequencerMetrics(
        run, a.verdict(), av.writes(), av.accepted(), av.partitionWrites(), av.partitionAccepted());
  }

  /** One architecture's row of the table, which the chart and the findings read by name. */
  record Row(
      String architecture,
      long runs,
      long valid,
      long invalid,
      long unknown,
      long writes,
      @Nullable Double acceptedPercent,
      long partitionWrites,
      long partitionAccepted,
      @Nullable Double partitionAcceptedPercent) {
    static Row of(VariantRuns<SequencerMetrics> v) {
      long pw = v.sum(SequencerMetrics::partitionWrites);
      long pa = v.sum(SequencerMetrics::partitionWritesAccepted);
      return new Row(
          v.variant(),
          v.count(),
          v.runsWhere(m -> m.linearizability() == Verdict.VALID),
          v.runsWhere(m -> m.linearizability() == Verdict.INVALID),
          v.runsWhere(m -> m.linearizability() == Verdict.UNKNOWN),
          v.sum(SequencerMetrics::writes),
          Stats.percent(v.sum(SequencerMetrics::writesAccepted), v.sum(SequencerMetrics::writes)),
          pw,
          pa,
          Stats.percent(pa, pw));
    }
  }

  @Override
  public ExperimentReport aggregate(List<RunRecord> records) {
    List<VariantRuns<SequencerMetrics>> by = byVariant(records);
    Map<String, Row> row = rowsByVariant(by, Row::of);
    List<Row> rows = new ArrayList<>(row.values());
    List<Replay> picks = picks(by);
    Section section =
        new Section(
            ID,
            "Sequencer or multi-master",
            "What does a single-server sequencer buy in consistency, and what does it cost in"
                + " availability during partitions, compared with multi-master replicas?",
            "Per-key LWW, HLC, kv workload, partitions profile (3-6 replicas or clients, every"
                + " partition shape, clogging, loss); multi-master uses delta sync; the"
                + " sequencer's clients time out after 4 x the maximum delay + 40 ticks. "
                + seedText()
                + ".",
            List.of(table(rows), ExperimentReport.replayTable(picks)),
            charts(rows, by),
            findings(row));
    return new ExperimentReport(section, ExperimentReport.present(picks));
  }

  private static List<Replay> picks(List<VariantRuns<SequencerMetrics>> by) {
    List<Replay> picks = new ArrayList<>();
    picks.add(
        pick(
            of(by, "multi-master").first(m -> m.linearizability() == Verdict.INVALID),
            "first non-linearizable multi-master run"));
    picks.add(
        pick(
            of(by, "sequencer").maxBy(SequencerMetrics::partitionWrites),
            "sequencer run with the most writes during partitions"));
    return picks;
  }

  private static List<Chart> charts(List<Row> rows, List<VariantRuns<SequencerMetrics>> by) {
    return List.of(
        BarChart.<Row>titled("Consistency and availability", "architecture", "percent")
            .series("runs linearizable (%)", r -> Stats.percent(r.valid(), r.runs()))
            .series("writes accepted during a partition (%)", Row::partitionAcceptedPercent)
            .build(rows, Row::architecture),
        BoxChart.of(
            "Writes accepted during a partition per run (%), distribution over runs",
            "architecture",
            "percent",
            "writes accepted during a partition",
            VariantRuns.points(
                by, m -> Stats.percent(m.partitionWritesAccepted(), m.partitionWrites()))));
  }

  private static Table table(List<Row> rows) {
    return TableBuilder.<Row>titled("Per architecture")
        .column("architecture", Row::architecture)
        .column("runs", Row::runs)
        .column("linearizable (VALID)", Row::valid)
        .column("not linearizable (INVALID)", Row::invalid)
        .column("UNKNOWN", Row::unknown)
        .column("writes invoked", Row::writes)
        .column("writes accepted (%)", Row::acceptedPercent)
        .column("writes invoked during a partition", Row::partitionWrites)
        .column("of them accepted", Row::partitionAccepted)
        .column("accepted during a partition (%)", Row::partitionAcceptedPercent)
        .notes(
            "Linearizability is checked per key: each key is a register, a write of a change sets"
                + " the keys it touches (a delete sets them absent), a read observes every key."
                + " Accepted means the write completed :ok; a sequencer write whose reply never"
                + " came is indeterminate (:info) and not counted as accepted. Search budget "
                + SEARCH_STEPS
                + " states per history; beyond it the verdict is UNKNOWN.")
        .build(rows);
  }

  private static String findings(Map<String, Row> row) {
    Row seq = row(row, "sequencer");
    Row mm = row(row, "multi-master");
    if (seq.runs() == 0) {
      return "No runs.";
    }
    return String.format(
        Locale.ROOT,
        "The sequencer's histories were linearizable in %s of %s runs (INVALID %s, UNKNOWN %s);"
            + " multi-master histories in %s of %s (INVALID %s, UNKNOWN %s): a replica answers"
            + " reads from its own state before it has heard of other replicas' writes. During"
            + " partitions the sequencer accepted %s of %s writes (%s%%), multi-master %s of %s"
            + " (%s%%): every replica keeps taking writes, which is the availability that"
            + " giving up linearizability buys.",
        seq.valid(),
        seq.runs(),
        seq.invalid(),
        seq.unknown(),
        mm.valid(),
        mm.runs(),
        mm.invalid(),
        mm.unknown(),
        seq.partitionAccepted(),
        seq.partitionWrites(),
        Stats.text(seq.partitionAcceptedPercent()),
        mm.partitionAccepted(),
        mm.partitionWrites(),
        Stats.text(mm.partitionAcceptedPercent()));
  }
}
