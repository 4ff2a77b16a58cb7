package dev.entente.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.campaign.report.Stats;
import dev.entente.model.check.Verdict;
import dev.entente.reports.ReportDocument.Cell;
import dev.entente.reports.ReportDocument.Section;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The aggregators on canned typed records: tables, charts and findings. */
class CampaignAggregationTest {
  private static final CampaignPlan PLAN =
      new CampaignPlan(CampaignMode.QUICK, 1, 2, Campaign.SECTIONS);

  @Test
  void clocks_cannedRecords_findingsQuoteTheTable() {
    List<RunRecord> rs = new ArrayList<>();
    rs.add(clock(0, "wall", 1, 30, 4, 12, 0L));
    rs.add(clock(1, "wall", 2, 7, 2, 0, 0L));
    rs.add(clock(2, "lamport", 1, 0, 0, 0, null));
    rs.add(clock(3, "lamport", 2, 0, 0, 0, null));
    rs.add(clock(4, "hlc", 1, 0, 0, 5, 812L));
    rs.add(clock(5, "hlc", 2, 0, 0, 3, 90L));

    Section s = new ClocksExperiment(PLAN).aggregate(rs).section();

    assertThat(row(s, 0, 0))
        .containsExactly("wall", "2", "0", "200", "37", "6", "2", "0", "0", "0", "12", "1");
    assertThat(row(s, 0, 1).get(8)).isEqualTo("—");
    assertThat(row(s, 0, 2).subList(8, 12)).containsExactly("90", "812", "8", "2");
    assertThat(s.findings())
        .contains("wall clocks showed 37 lost causally later writes (6 distinct writes, in 2 runs)")
        .contains("Lamport clocks showed 0 and HLC 0")
        .contains("at most 812 ms (median of per-run maxima 90 ms)")
        .contains("rejected 12 remote timestamps under wall clocks and 8 under HLC");
    assertThat(s.charts().get(0).series().get(0).values()).containsExactly(18.5, 0.0, 0.0);
  }

  @Test
  void sync_cannedRecords_exactPercentilesAndPerChangeRatios() {
    List<RunRecord> rs = new ArrayList<>();
    Long[] ticks = {40L, 80L, 120L, 400L, null};
    for (int i = 0; i < ticks.length; i++) {
      rs.add(
          sim(i, "sync", "delta/loss", i + 1, new SyncMetrics(ok(i + 1), 10, 25, 1000, ticks[i])));
    }

    Section s = new SyncExperiment(PLAN).aggregate(rs).section();

    assertThat(row(s, 0, 2))
        .containsExactly(
            "delta", "loss", "5", "0", "50", "2.5", "100", "80", "400", "400", "400", "1");
    assertThat(s.findings()).contains("delta 2.5 and 100").contains("runs not converged: 0, 0, 1");
  }

  @Test
  void policiesAndSequencer_cannedRecords_findingsQuoteTheTable() {
    List<RunRecord> rs = new ArrayList<>();
    rs.add(sim(0, "policies", "lww", 1, policies(40, 7, 0, 0, 30, 20, 0, 3, 0)));
    rs.add(sim(1, "policies", "group", 1, policies(40, 0, 0, 0, 0, 9, 0, 0, 2)));
    rs.add(sim(2, "policies", "mv", 1, policies(40, 0, 11, 3, 0, 8, 8, 0, 0)));
    Section p = new PoliciesExperiment(PLAN).aggregate(rs).section();
    assertThat(p.findings())
        .contains(
            "Per-key LWW showed 7 reads in an impossible state (start not before end) out of 40")
        .contains("Only MV showed siblings: 11 reads, up to 3 values on one key")
        .contains("LWW lost 3 of 20")
        .contains("also lost 2 edits");

    List<RunRecord> seq = new ArrayList<>();
    seq.add(sequencer(0, "sequencer", Verdict.VALID, 10, 6, 4, 1));
    seq.add(sequencer(1, "sequencer", Verdict.UNKNOWN, 10, 10, 0, 0));
    seq.add(sequencer(2, "multi-master", Verdict.INVALID, 12, 12, 5, 5));
    ExperimentReport q = new SequencerExperiment(PLAN).aggregate(seq);
    assertThat(row(q.section(), 0, 0))
        .containsExactly("sequencer", "2", "1", "0", "1", "20", "80", "4", "1", "25");
    assertThat(q.section().findings())
        .contains("linearizable in 1 of 2 runs (INVALID 0, UNKNOWN 1)")
        .contains("the sequencer accepted 1 of 4 writes (25%), multi-master 5 of 5 (100%)");
    assertThat(q.replays()).extracting(Replay::seed).containsExactly(3L, 1L);
  }

  @Test
  void crashedRun_countsAsFailing_andKeepsItsStackTrace() {
    RunKey key = new RunKey("clocks", "wall", 2);
    RunRecord crash =
        RunRecord.crashed(key, 1, "./entente simulate --seed 2", new IllegalStateException("boom"));
    List<RunRecord> rs = List.of(clock(0, "wall", 1, 30, 4, 12, 0L), crash);

    Section s = new ClocksExperiment(PLAN).aggregate(rs).section();

    assertThat(row(s, 0, 0).subList(0, 5)).containsExactly("wall", "2", "1", "100", "30");
    assertThat(((CrashedRun) crash.metrics()).stackTrace())
        .contains("IllegalStateException: boom", "at dev.entente.campaign.CampaignAggregationTest");
    assertThat(RunRecord.parse(crash.toJsonLine())).isEqualTo(crash);
  }

  @Test
  void benchmarks_missedTargets_areNamedWithTheirRatio() {
    List<RunRecord> rs = new ArrayList<>();
    rs.add(RunRecord.of("benchmarks", "status", 0, 0, new StepStatus("ran", "y", "x")));
    rs.add(bench(1, "HLC now() / currentTimeMillis()", "", 1.3, "MISSED"));
    rs.add(bench(2, "Entente merge / HashMap union", "size=50000", 1.5, "met"));
    rs.add(bench(3, "Automerge merge / Entente merge", "size=50000", 12.0, "-"));

    Section s = BenchmarksSection.aggregate(rs).section();

    assertThat(s.findings())
        .startsWith("1 of 2 targeted ratios met their target")
        .contains("Missed: HLC now() / currentTimeMillis(): 1.3x.");
    assertThat(s.tables().get(0).rows()).hasSize(3);
  }

  @Test
  void benchmarksAndTlc_withoutRecords_sayWhy() {
    List<RunRecord> rs =
        List.of(
            RunRecord.of(
                "benchmarks", "status", 0, 0, new StepStatus("skipped", "--no-bench", "m")));

    assertThat(BenchmarksSection.aggregate(rs).section().findings())
        .contains("skipped: --no-bench");
    assertThat(TlcSection.aggregate(rs).section().findings()).contains("No TLC results");
  }

  @Test
  void percentile_nearestRank() {
    List<Long> v = List.of(5L, 1L, 4L, 2L, 3L);

    assertThat(Stats.percentile(v, 50)).isEqualTo(3L);
    assertThat(Stats.percentile(v, 90)).isEqualTo(5L);
    assertThat(Stats.percentile(v, 20)).isEqualTo(1L);
    assertThat(Stats.percentile(List.of(), 50)).isNull();
  }

  /** The rendered cells of row {@code r} of table {@code t}. */
  static List<String> row(Section s, int t, int r) {
    return s.tables().get(t).rows().get(r).stream().map(Cell::text).toList();
  }

  private static SimRun ok(long seed) {
    return new SimRun(true, "", "./entente simulate --seed " + seed);
  }

  private static RunRecord sim(int index, String experiment, String variant, long seed, Metrics m) {
    return RunRecord.of(experiment, variant, seed, index, m);
  }

  private static RunRecord clock(
      int index, String clock, long seed, long lost, long distinct, long rej, Long lead) {
    return sim(
        index,
        "clocks",
        clock,
        seed,
        new ClocksMetrics(ok(seed), 100, lost, distinct, 0, rej, lead));
  }

  private static PoliciesMetrics policies(
      long reads,
      long impossible,
      long siblingReads,
      long maxSiblings,
      long edits,
      long concurrent,
      long kept,
      long lost,
      long lostOther) {
    return new PoliciesMetrics(
        ok(1),
        reads,
        impossible,
        0,
        siblingReads,
        0,
        maxSiblings,
        edits,
        concurrent,
        kept,
        lost,
        lostOther);
  }

  private static RunRecord sequencer(
      int i, String variant, Verdict verdict, long writes, long ok, long pw, long pa) {
    return sim(
        i,
        "sequencer",
        variant,
        i + 1,
        new SequencerMetrics(ok(i + 1), verdict, writes, ok, pw, pa));
  }

  private static RunRecord bench(int i, String label, String params, double ratio, String v) {
    return RunRecord.of(
        "benchmarks",
        label + " " + params,
        0,
        i,
        new BenchRatioMetrics(label, params, ratio * 10, 10.0, ratio, "x", v));
  }
}
