package dev.entente.simulations.campaign;

import dev.entente.impl.clock.ClockKind;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.check.KvHistoryIndex;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.driver.SimulationRunner;
import dev.entente.simulations.sync.SyncKind;
import dev.entente.simulations.workload.WorkloadKind;
import java.util.ArrayList;
import java.util.Arrays;
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
final class PoliciesExperiment extends SimulatedExperiment {
  static final String ID = "policies";

  PoliciesExperiment(CampaignPlan plan) {
    super(plan);
  }

  @Override
  public String id() {
    return ID;
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
  void measure(
      RunSpec spec, SimulationRunner.Result result, KvHistoryIndex index, Map<String, Object> m) {
    HistoryMetrics.ReadCounts reads = HistoryMetrics.reads(index);
    HistoryMetrics.EditCounts edits =
        HistoryMetrics.edits(index, result.outcome().finalObservations());
    m.put("reads", reads.reads());
    m.put("impossibleReads", reads.impossible());
    m.put(
        "finalImpossibleEvents",
        HistoryMetrics.finalImpossibleEvents(result.outcome().finalObservations()));
    m.put("siblingReads", reads.withSiblings());
    m.put("siblingKeys", reads.siblingKeys());
    m.put("maxSiblings", reads.maxSiblings());
    m.put("edits", edits.edits());
    m.put("concurrentEdits", edits.concurrent());
    m.put("concurrentKept", edits.concurrentKept());
    m.put("concurrentLost", edits.concurrentLost());
    m.put("lostOther", edits.lostOther());
  }

  @Override
  public Section aggregate(List<RunRecord> records) {
    Map<String, List<RunRecord>> by = byVariant(records);
    List<List<Object>> rows = new ArrayList<>();
    Map<String, Object[]> row = new LinkedHashMap<>();
    List<Double> impossibleShare = new ArrayList<>();
    List<Double> lostShare = new ArrayList<>();
    for (Map.Entry<String, List<RunRecord>> e : by.entrySet()) {
      List<RunRecord> rs = e.getValue();
      long maxSiblings = 0;
      for (RunRecord r : rs) {
        maxSiblings = Math.max(maxSiblings, r.count("maxSiblings"));
      }
      long concurrent = sum(rs, "concurrentEdits");
      Object[] cells = {
        e.getKey(),
        (long) rs.size(),
        failedRuns(rs),
        sum(rs, "reads"),
        sum(rs, "impossibleReads"),
        sum(rs, "finalImpossibleEvents"),
        sum(rs, "siblingReads"),
        sum(rs, "siblingKeys"),
        maxSiblings,
        sum(rs, "edits"),
        concurrent,
        sum(rs, "concurrentKept"),
        sum(rs, "concurrentLost"),
        sum(rs, "lostOther")
      };
      row.put(e.getKey(), cells);
      rows.add(Arrays.asList(cells));
      impossibleShare.add(Stats.percent(sum(rs, "impossibleReads"), sum(rs, "reads")));
      lostShare.add(Stats.percent(sum(rs, "concurrentLost"), concurrent));
    }
    Section.Table table =
        new Section.Table(
            "Per policy",
            List.of(
                "policy",
                "runs",
                "runs failing a check",
                "reads",
                "reads in an impossible state",
                "impossible events after convergence",
                "reads showing siblings",
                "sibling keys shown",
                "most siblings on one key",
                "field edits",
                "concurrent field edits",
                "concurrent edits kept",
                "concurrent edits lost",
                "other edits lost"),
            rows,
            "A field edit is a put that is its change's last op on the key. It is concurrent if"
                + " another change wrote the same key without either having seen the other; kept"
                + " if its value is in a replica's final view; lost if it is in none although no"
                + " change that had seen it overwrote or deleted the key. Other edits lost: lost"
                + " without any concurrent write to the same key (the causal group drops every"
                + " field of a change that lost its group).");
    List<String> cats = new ArrayList<>(by.keySet());
    Section.Chart chart =
        new Section.Chart(
            "Impossible states and lost concurrent edits",
            "bar",
            "policy",
            "percent",
            cats,
            List.of(
                new Section.Series("reads in an impossible state (% of reads)", impossibleShare),
                new Section.Series("concurrent edits lost (% of concurrent)", lostShare)));
    List<RunRecord> picks = new ArrayList<>();
    picks.add(maxBy(by.get("lww"), "impossibleReads"));
    picks.add(maxBy(by.get("group"), "lostOther"));
    picks.add(maxBy(by.get("mv"), "siblingReads"));
    return new Section(
        ID,
        "Register policies on the calendar workload",
        "What does each conflict policy show users when edits to one event race: impossible"
            + " states, siblings, or lost edits?",
        "Calendar workload (events with start < end, moved, cancelled and adjusted one end at a"
            + " time), HLC, delta sync, default profile (3-5 replicas, every fault family), "
            + seedText()
            + ".",
        List.of(
            table,
            replayTable(
                picks,
                List.of(
                    "LWW run with the most impossible reads",
                    "group run with the most edits lost without a same-key conflict",
                    "MV run with the most reads showing siblings"))),
        List.of(chart),
        findings(row));
  }

  private static String siblings(Object[] lww, Object[] group, Object[] mv) {
    if ((long) lww[6] == 0 && (long) group[6] == 0) {
      return "Only MV showed siblings: "
          + Stats.text(mv[6])
          + " reads, up to "
          + Stats.text(mv[8])
          + " values on one key.";
    }
    return "Reads showing siblings: LWW "
        + Stats.text(lww[6])
        + ", group "
        + Stats.text(group[6])
        + ", MV "
        + Stats.text(mv[6])
        + ".";
  }

  private static String findings(Map<String, Object[]> row) {
    Object[] lww = row.get("lww");
    Object[] group = row.get("group");
    Object[] mv = row.get("mv");
    if (lww == null || (long) lww[1] == 0) {
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
        Stats.text(lww[4]),
        Stats.text(lww[3]),
        Stats.text(lww[5]),
        Stats.text(group[4]),
        Stats.text(group[5]),
        Stats.text(mv[4]),
        siblings(lww, group, mv),
        Stats.text(lww[12]),
        Stats.text(lww[10]),
        Stats.text(group[12]),
        Stats.text(group[10]),
        Stats.text(mv[12]),
        Stats.text(mv[10]),
        Stats.text(group[13]),
        Stats.text(lww[13]),
        Stats.text(mv[13]));
  }
}
