package dev.entente.simulations.campaign;

import dev.entente.impl.clock.ClockKind;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.check.KvHistoryIndex;
import dev.entente.model.check.LinearizabilityAnalysis;
import dev.entente.model.check.LinearizabilityChecker;
import dev.entente.model.check.Models;
import dev.entente.model.check.SearchBudget;
import dev.entente.model.history.History;
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
 * The single-server sequencer against multi-master replicas (delta sync), on the {@code partitions}
 * profile: linearizability of the history, projected onto per-key registers ({@link
 * RegisterHistory}), with a fixed step budget ({@link #SEARCH_STEPS}; over it the verdict is
 * UNKNOWN), and the share of writes accepted while a partition was on: the consistency and
 * availability sides of CAP.
 */
final class SequencerExperiment extends SimulatedExperiment {
  static final String ID = "sequencer";

  /** The linearizability search's step budget per history: deterministic, no deadline. */
  static final long SEARCH_STEPS = 200_000;

  SequencerExperiment(CampaignPlan plan) {
    super(plan);
  }

  @Override
  public String id() {
    return ID;
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
  void measure(
      RunSpec spec, SimulationRunner.Result result, KvHistoryIndex index, Map<String, Object> m) {
    History kv = result.outcome().history();
    LinearizabilityAnalysis a =
        new LinearizabilityChecker(
                Models.multiRegister(RegisterHistory.initialState(kv)),
                SearchBudget.steps(SEARCH_STEPS))
            .analyse(RegisterHistory.project(kv));
    HistoryMetrics.Availability av = HistoryMetrics.availability(kv);
    m.put("linearizability", a.verdict().name());
    m.put("writes", av.writes());
    m.put("writesAccepted", av.accepted());
    m.put("partitionWrites", av.partitionWrites());
    m.put("partitionWritesAccepted", av.partitionAccepted());
  }

  @Override
  public Section aggregate(List<RunRecord> records) {
    Map<String, List<RunRecord>> by = byVariant(records);
    List<List<Object>> rows = new ArrayList<>();
    Map<String, Object[]> row = new LinkedHashMap<>();
    List<Double> accepted = new ArrayList<>();
    List<Double> valid = new ArrayList<>();
    for (Map.Entry<String, List<RunRecord>> e : by.entrySet()) {
      List<RunRecord> rs = e.getValue();
      long pw = sum(rs, "partitionWrites");
      long pa = sum(rs, "partitionWritesAccepted");
      Object[] cells = {
        e.getKey(),
        (long) rs.size(),
        verdicts(rs, "VALID"),
        verdicts(rs, "INVALID"),
        verdicts(rs, "UNKNOWN"),
        sum(rs, "writes"),
        Stats.percent(sum(rs, "writesAccepted"), sum(rs, "writes")),
        pw,
        pa,
        Stats.percent(pa, pw)
      };
      row.put(e.getKey(), cells);
      rows.add(Arrays.asList(cells));
      accepted.add((Double) cells[9]);
      valid.add(Stats.percent(verdicts(rs, "VALID"), rs.size()));
    }
    Section.Table table =
        new Section.Table(
            "Per architecture",
            List.of(
                "architecture",
                "runs",
                "linearizable (VALID)",
                "not linearizable (INVALID)",
                "UNKNOWN",
                "writes invoked",
                "writes accepted (%)",
                "writes invoked during a partition",
                "of them accepted",
                "accepted during a partition (%)"),
            rows,
            "Linearizability is checked per key: each key is a register, a write of a change sets"
                + " the keys it touches (a delete sets them absent), a read observes every key."
                + " Accepted means the write completed :ok; a sequencer write whose reply never"
                + " came is indeterminate (:info) and not counted as accepted. Search budget "
                + SEARCH_STEPS
                + " states per history; beyond it the verdict is UNKNOWN.");
    List<String> cats = new ArrayList<>(by.keySet());
    Section.Chart chart =
        new Section.Chart(
            "Consistency and availability",
            "bar",
            "architecture",
            "percent",
            cats,
            List.of(
                new Section.Series("runs linearizable (%)", valid),
                new Section.Series("writes accepted during a partition (%)", accepted)));
    List<RunRecord> picks = new ArrayList<>();
    picks.add(firstWith(by.get("multi-master"), "INVALID"));
    picks.add(maxBy(by.get("sequencer"), "partitionWrites"));
    return new Section(
        ID,
        "Sequencer or multi-master",
        "What does a single-server sequencer buy in consistency, and what does it cost in"
            + " availability during partitions, compared with multi-master replicas?",
        "Per-key LWW, HLC, kv workload, partitions profile (3-6 replicas or clients, every"
            + " partition shape, clogging, loss); multi-master uses delta sync; the sequencer's"
            + " clients time out after 4 x the maximum delay + 40 ticks. "
            + seedText()
            + ".",
        List.of(
            table,
            replayTable(
                picks,
                List.of(
                    "first non-linearizable multi-master run",
                    "sequencer run with the most writes during partitions"))),
        List.of(chart),
        findings(row));
  }

  private static long verdicts(List<RunRecord> rs, String verdict) {
    return rs.stream().filter(r -> r.text("linearizability").equals(verdict)).count();
  }

  private static RunRecord firstWith(List<RunRecord> rs, String verdict) {
    return rs.stream()
        .filter(r -> r.text("linearizability").equals(verdict))
        .findFirst()
        .orElse(null);
  }

  private static String findings(Map<String, Object[]> row) {
    Object[] seq = row.get("sequencer");
    Object[] mm = row.get("multi-master");
    if (seq == null || mm == null || (long) seq[1] == 0) {
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
        Stats.text(seq[2]),
        Stats.text(seq[1]),
        Stats.text(seq[3]),
        Stats.text(seq[4]),
        Stats.text(mm[2]),
        Stats.text(mm[1]),
        Stats.text(mm[3]),
        Stats.text(mm[4]),
        Stats.text(seq[8]),
        Stats.text(seq[7]),
        Stats.text(seq[9]),
        Stats.text(mm[8]),
        Stats.text(mm[7]),
        Stats.text(mm[9]));
  }
}
