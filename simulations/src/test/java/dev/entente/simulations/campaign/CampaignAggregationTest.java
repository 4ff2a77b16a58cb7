package dev.entente.simulations.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The aggregators on canned raw records: tables, findings and the record format. */
class CampaignAggregationTest {
  private static final CampaignPlan PLAN =
      new CampaignPlan(CampaignMode.QUICK, 1, 2, Campaign.SECTIONS);

  @Test
  void clocks_cannedRecords_findingsQuoteTheTable() {
    List<RunRecord> rs = new ArrayList<>();
    rs.add(clock(0, "wall", 1, 30, 4, 0, 12, 0));
    rs.add(clock(1, "wall", 2, 7, 2, 0, 0, 0));
    rs.add(clock(2, "lamport", 1, 0, 0, 0, 0, -1));
    rs.add(clock(3, "lamport", 2, 0, 0, 0, 0, -1));
    rs.add(clock(4, "hlc", 1, 0, 0, 0, 5, 812));
    rs.add(clock(5, "hlc", 2, 0, 0, 0, 3, 90));

    Section s = new ClocksExperiment(PLAN).aggregate(rs);

    List<List<Object>> rows = s.tables().get(0).rows();
    assertThat(rows.get(0)).containsExactly("wall", 2L, 0L, 200L, 37L, 6L, 2L, 0L, 0L, 0L, 12L, 1L);
    assertThat(rows.get(1).get(8)).isNull();
    assertThat(rows.get(2).subList(8, 12)).containsExactly(90L, 812L, 8L, 2L);
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
    long[] ticks = {40, 80, 120, 400, -1};
    for (int i = 0; i < ticks.length; i++) {
      rs.add(
          record(
              i,
              "sync",
              "delta/loss",
              i + 1,
              "changes",
              10,
              "messages",
              25,
              "bytes",
              1000,
              "convergenceTicks",
              ticks[i]));
    }

    Section s = new SyncExperiment(PLAN).aggregate(rs);

    List<Object> delta = s.tables().get(0).rows().get(2);
    assertThat(delta)
        .containsExactly("delta", "loss", 5L, 0L, 50L, 2.5, 100.0, 80L, 400L, 400L, 400L, 1L);
    assertThat(s.findings()).contains("delta 2.5 and 100").contains("runs not converged: 0, 0, 1");
  }

  @Test
  void policiesAndSequencer_cannedRecords_findingsQuoteTheTable() {
    List<RunRecord> rs = new ArrayList<>();
    rs.add(
        record(
            0,
            "policies",
            "lww",
            1,
            "reads",
            40,
            "impossibleReads",
            7,
            "concurrentEdits",
            20,
            "concurrentLost",
            3,
            "edits",
            30));
    rs.add(record(1, "policies", "group", 1, "reads", 40, "lostOther", 2, "concurrentEdits", 9));
    rs.add(
        record(
            2,
            "policies",
            "mv",
            1,
            "reads",
            40,
            "siblingReads",
            11,
            "maxSiblings",
            3,
            "concurrentEdits",
            8,
            "concurrentKept",
            8));
    Section p = new PoliciesExperiment(PLAN).aggregate(rs);
    assertThat(p.findings())
        .contains(
            "Per-key LWW showed 7 reads in an impossible state (start not before end) out of 40")
        .contains("Only MV showed siblings: 11 reads, up to 3 values on one key")
        .contains("LWW lost 3 of 20")
        .contains("also lost 2 edits");

    List<RunRecord> seq = new ArrayList<>();
    seq.add(seqRecord(0, "sequencer", "VALID", 10, 6, 4, 1));
    seq.add(seqRecord(1, "sequencer", "UNKNOWN", 10, 10, 0, 0));
    seq.add(seqRecord(2, "multi-master", "INVALID", 12, 12, 5, 5));
    Section q = new SequencerExperiment(PLAN).aggregate(seq);
    assertThat(q.tables().get(0).rows().get(0))
        .containsExactly("sequencer", 2L, 1L, 0L, 1L, 20L, 80.0, 4L, 1L, 25.0);
    assertThat(q.findings())
        .contains("linearizable in 1 of 2 runs (INVALID 0, UNKNOWN 1)")
        .contains("the sequencer accepted 1 of 4 writes (25%), multi-master 5 of 5 (100%)");
  }

  @Test
  void benchmarks_missedTargets_areNamedWithTheirRatio() {
    List<RunRecord> rs = new ArrayList<>();
    rs.add(record(100, "benchmarks", "status", 0, "status", "ran", "mode", "x", "reason", "y"));
    rs.add(bench(101, "HLC now() / currentTimeMillis()", "", 1.3, "MISSED"));
    rs.add(bench(102, "Entente merge / HashMap union", "size=50000", 1.5, "met"));
    rs.add(bench(103, "Automerge merge / Entente merge", "size=50000", 12.0, "-"));

    Section s = BenchmarksSection.aggregate(rs);

    assertThat(s.findings())
        .startsWith("1 of 2 targeted ratios met their target")
        .contains("Missed: HLC now() / currentTimeMillis(): 1.3x.");
    assertThat(s.tables().get(0).rows()).hasSize(3);
  }

  @Test
  void benchmarksAndTlc_withoutRecords_sayWhy() {
    List<RunRecord> rs =
        List.of(record(0, "benchmarks", "status", 0, "status", "skipped", "reason", "--no-bench"));

    assertThat(BenchmarksSection.aggregate(rs).findings()).contains("skipped: --no-bench");
    assertThat(TlcSection.aggregate(rs).findings()).contains("No TLC results");
  }

  @Test
  void runRecord_jsonLine_roundTripsExactly() {
    RunRecord r = record(7, "sync", "op/loss", 3, "bytes", 12, "ratio", 0.1 + 0.2, "w", "a\"b");

    String line = r.toJsonLine();

    assertThat(RunRecord.parse(line)).isEqualTo(r);
    assertThat(RunRecord.parse(line).toJsonLine()).isEqualTo(line);
    assertThatThrownBy(() -> RunRecord.parse("{\"index\":1}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("experiment");
  }

  @Test
  void shards_partitionTheSpecs() {
    List<RunSpec> all = Campaign.specs(PLAN);

    List<RunSpec> a = Campaign.shard(all, 0, 2);
    List<RunSpec> b = Campaign.shard(all, 1, 2);

    assertThat(a.size() + b.size()).isEqualTo(all.size());
    assertThat(a).allMatch(s -> s.index() % 2 == 0);
    assertThat(all.get(all.size() - 1).index()).isEqualTo(all.size() - 1);
  }

  @Test
  void percentile_nearestRank() {
    List<Long> v = List.of(5L, 1L, 4L, 2L, 3L);

    assertThat(Stats.percentile(v, 50)).isEqualTo(3L);
    assertThat(Stats.percentile(v, 90)).isEqualTo(5L);
    assertThat(Stats.percentile(v, 20)).isEqualTo(1L);
    assertThat(Stats.percentile(List.of(), 50)).isNull();
  }

  private static RunRecord clock(
      int index, String clock, long seed, long lost, long distinct, long res, long rej, long lead) {
    RunRecord r =
        record(
            index,
            "clocks",
            clock,
            seed,
            "valuesJudged",
            100,
            "lostShown",
            lost,
            "lostWrites",
            distinct,
            "resurrected",
            res,
            "rejected",
            rej);
    if (lead >= 0) {
      SortedMap<String, Object> m = new TreeMap<>(r.metrics());
      m.put("maxLeadMillis", lead);
      return new RunRecord(index, "clocks", clock, seed, m);
    }
    return r;
  }

  private static RunRecord seqRecord(
      int i, String variant, String verdict, long writes, long ok, long pw, long pa) {
    return record(
        i,
        "sequencer",
        variant,
        i + 1,
        "linearizability",
        verdict,
        "writes",
        writes,
        "writesAccepted",
        ok,
        "partitionWrites",
        pw,
        "partitionWritesAccepted",
        pa);
  }

  private static RunRecord bench(int i, String label, String params, double ratio, String v) {
    return record(
        i,
        "benchmarks",
        label + " " + params,
        0,
        "label",
        label,
        "params",
        params,
        "subjectNanosPerOp",
        ratio * 10,
        "baselineNanosPerOp",
        10.0,
        "ratio",
        ratio,
        "target",
        "x",
        "verdict",
        v);
  }

  /** A record with {@code passed} = 1 and the given name, value pairs (ints become longs). */
  private static RunRecord record(
      int index, String experiment, String variant, long seed, Object... pairs) {
    SortedMap<String, Object> m = new TreeMap<>();
    m.put("passed", 1L);
    m.put("replay", "./entente simulate --seed " + seed);
    for (int i = 0; i < pairs.length; i += 2) {
      Object v = pairs[i + 1];
      m.put((String) pairs[i], v instanceof Integer n ? (Object) n.longValue() : v);
    }
    return new RunRecord(index, experiment, variant, seed, m);
  }
}
