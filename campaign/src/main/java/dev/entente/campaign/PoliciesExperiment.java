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

/**
 * Register policies on the calendar workload: per-key LWW, causal group and MV, over HLC with delta
 * sync on the {@code default} profile (every fault family, moderate).
 *
 * <p>Metrics: reads in an impossible calendar state ({@link
 * dev.entente.model.check.CalendarInvariant}), impossible events left in the converged state, reads
 * and keys showing siblings, and what became of field edits ({@link HistoryMetrics#edits}).
 */
final class PoliciesExperiment extends SimulatedExperiment<PoliciesMetrics> {
  static final String ID = "policies";

  PoliciesExperiment(CampaignPlan plan) {
    super(plan, ID, PoliciesMetrics.class);
  }

  @Override
  Map<String, Variant> variants() {
    Map<String, Variant> out = new LinkedHashMap<>();
    for (RegisterPolicy p :
        List.of(RegisterPolicy.LWW, RegisterPolicy.CAUSAL_GROUP, RegisterPolicy.MV)) {
      Overrides o =
          Overrides.NONE
              .withPolicy(p)
              .withClock(ClockKind.HLC)
              .withSync(SyncKind.DELTA)
              .withWorkload(WorkloadKind.CALENDAR);
      out.put(Overrides.policyName(p), new Variant(Profile.DEFAULT, o));
    }
    return out;
  }

  @Override
  PoliciesMetrics measure(
      SimRun run, RunSpec spec, SimulationRunner.Result result, KvHistoryIndex index) {
    HistoryMetrics.ReadCounts reads = HistoryMetrics.reads(index);
    HistoryMetrics.EditCounts edits =
        HistoryMetrics.edits(index, result.outcome().finalObservations());
    return new PoliciesMetrics(
        run,
        reads.reads(),
        reads.impossible(),
        HistoryMetrics.finalImpossibleEvents(result.outcome().finalObservations()),
        reads.withSiblings(),
        reads.siblingKeys(),
        reads.maxSiblings(),
        edits.edits(),
        edits.concurrent(),
        edits.concurrentKept(),
        edits.concurrentLost(),
        edits.lostOther());
  }

  /** One policy's row of the table, which the chart and the findings read by name. */
  record Row(
      String policy,
      long runs,
      long failing,
      long reads,
      long impossibleReads,
      long finalImpossibleEvents,
      long siblingReads,
      long siblingKeys,
      long maxSiblings,
      long edits,
      long concurrent,
      long concurrentKept,
      long concurrentLost,
      long lostOther) {
    static Row of(VariantRuns<PoliciesMetrics> v) {
      return new Row(
          v.variant(),
          v.count(),
          v.failing(),
          v.sum(PoliciesMetrics::reads),
          v.sum(PoliciesMetrics::impossibleReads),
          v.sum(PoliciesMetrics::finalImpossibleEvents),
          v.sum(PoliciesMetrics::siblingReads),
          v.sum(PoliciesMetrics::siblingKeys),
          v.max(PoliciesMetrics::maxSiblings),
          v.sum(PoliciesMetrics::edits),
          v.sum(PoliciesMetrics::concurrentEdits),
          v.sum(PoliciesMetrics::concurrentKept),
          v.sum(PoliciesMetrics::concurrentLost),
          v.sum(PoliciesMetrics::lostOther));
    }
  }

  @Override
  public ExperimentReport aggregate(List<RunRecord> records) {
    List<VariantRuns<PoliciesMetrics>> by = byVariant(records);
    Map<String, Row> row = rowsByVariant(by, Row::of);
    List<Row> rows = new ArrayList<>(row.values());
    List<Replay> picks = picks(by);
    Section section =
        new Section(
            ID,
            "Register policies on the calendar workload",
            "What does each conflict policy show users when edits to one event race: impossible"
                + " states, siblings, or lost edits?",
            "Calendar workload (events with start < end, moved, cancelled and adjusted one end at"
                + " a time), HLC, delta sync, default profile (3-5 replicas, every fault family), "
                + seedText()
                + ".",
            List.of(table(rows), ExperimentReport.replayTable(picks)),
            charts(rows, by),
            findings(row));
    return new ExperimentReport(section, ExperimentReport.present(picks));
  }

  private static List<Replay> picks(List<VariantRuns<PoliciesMetrics>> by) {
    List<Replay> picks = new ArrayList<>();
    picks.add(
        pick(
            of(by, "lww").maxBy(PoliciesMetrics::impossibleReads),
            "LWW run with the most impossible reads"));
    picks.add(
        pick(
            of(by, "group").maxBy(PoliciesMetrics::lostOther),
            "group run with the most edits lost without a same-key conflict"));
    picks.add(
        pick(
            of(by, "mv").maxBy(PoliciesMetrics::siblingReads),
            "MV run with the most reads showing siblings"));
    return picks;
  }

  private static List<Chart> charts(List<Row> rows, List<VariantRuns<PoliciesMetrics>> by) {
    return List.of(
        BarChart.<Row>titled("Impossible states and lost concurrent edits", "policy", "percent")
            .series(
                "reads in an impossible state (% of reads)",
                r -> Stats.percent(r.impossibleReads(), r.reads()))
            .series(
                "concurrent edits lost (% of concurrent)",
                r -> Stats.percent(r.concurrentLost(), r.concurrent()))
            .build(rows, Row::policy),
        BoxChart.of(
            "Reads in an impossible state per run, distribution over runs",
            "policy",
            "reads",
            "reads in an impossible state",
            VariantRuns.points(by, PoliciesMetrics::impossibleReads)));
  }

  private static Table table(List<Row> rows) {
    return TableBuilder.<Row>titled("Per policy")
        .column("policy", Row::policy)
        .column("runs", Row::runs)
        .column("runs failing a check", Row::failing)
        .column("reads", Row::reads)
        .column("reads in an impossible state", Row::impossibleReads)
        .column("impossible events after convergence", Row::finalImpossibleEvents)
        .column("reads showing siblings", Row::siblingReads)
        .column("sibling keys shown", Row::siblingKeys)
        .column("most siblings on one key", Row::maxSiblings)
        .column("field edits", Row::edits)
        .column("concurrent field edits", Row::concurrent)
        .column("concurrent edits kept", Row::concurrentKept)
        .column("concurrent edits lost", Row::concurrentLost)
        .column("other edits lost", Row::lostOther)
        .notes(
            "A field edit is a put that is its change's last op on the key. It is concurrent if"
                + " another change wrote the same key without either having seen the other; kept"
                + " if its value is in a replica's final view; lost if it is in none although no"
                + " change that had seen it overwrote or deleted the key. Other edits lost: lost"
                + " without any concurrent write to the same key (the causal group drops every"
                + " field of a change that lost its group).")
        .build(rows);
  }

  private static String siblings(Row lww, Row group, Row mv) {
    if (lww.siblingReads() == 0 && group.siblingReads() == 0) {
      return "Only MV showed siblings: "
          + mv.siblingReads()
          + " reads, up to "
          + mv.maxSiblings()
          + " values on one key.";
    }
    return "Reads showing siblings: LWW "
        + lww.siblingReads()
        + ", group "
        + group.siblingReads()
        + ", MV "
        + mv.siblingReads()
        + ".";
  }

  private static String findings(Map<String, Row> row) {
    Row lww = row(row, "lww");
    Row group = row(row, "group");
    Row mv = row(row, "mv");
    if (lww.runs() == 0) {
      return "No runs.";
    }
    return String.format(
        Locale.ROOT,
        "Per-key LWW showed %s reads in an impossible state (start not before end) out of %s and"
            + " left %s impossible events after convergence; the causal group showed %s and left"
            + " %s; MV showed %s (a state is impossible under MV only if no choice of siblings is"
            + " consistent). %s Of concurrent field edits, LWW lost %s of %s, the causal group %s"
            + " of %s, MV %s of %s; the causal group also lost %s edits that had no concurrent"
            + " write to the same key (LWW %s, MV %s), the price of keeping each event whole.",
        lww.impossibleReads(),
        lww.reads(),
        lww.finalImpossibleEvents(),
        group.impossibleReads(),
        group.finalImpossibleEvents(),
        mv.impossibleReads(),
        siblings(lww, group, mv),
        lww.concurrentLost(),
        lww.concurrent(),
        group.concurrentLost(),
        group.concurrent(),
        mv.concurrentLost(),
        mv.concurrent(),
        group.lostOther(),
        lww.lostOther(),
        mv.lostOther());
  }
}
