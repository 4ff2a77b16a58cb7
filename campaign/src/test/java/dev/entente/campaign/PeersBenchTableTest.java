package dev.entente.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.reports.ReportDocument.Section;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The peers table of the benchmarks section, from the bench module's peers ratio rows. */
class PeersBenchTableTest {
  private static RunRecord ratio(int i, String label, double ratio, String target, String v) {
    // Pekko's put takes 100 ms in these rows; the subject ratio times that.
    return RunRecord.of(
        "benchmarks",
        label,
        0,
        i,
        new BenchRatioMetrics(
            label,
            "",
            ratio * 1e8,
            1e8,
            ratio,
            target,
            v,
            ratio * 0.9e8,
            ratio * 1.1e8,
            0.9e8,
            1.1e8,
            250e5));
  }

  private static List<RunRecord> records() {
    List<RunRecord> rs = new ArrayList<>();
    rs.add(RunRecord.of("benchmarks", "status", 0, 0, new StepStatus("ran", "y", "x")));
    rs.add(ratio(1, "HLC now() / currentTimeMillis(), 100k", 1.05, "<= 1.10x", "met"));
    rs.add(ratio(2, "(a) 100k puts: Entente LWW / Pekko", 0.4, "<= 0.50x", "met"));
    rs.add(ratio(3, "(a) 100k puts: Entente MV / Pekko", 0.9, "<= 0.70x", "MISSED"));
    rs.add(ratio(4, "(b) merge: Entente LWW / Pekko", 0.3, "<= 0.20x", "MISSED"));
    rs.add(
        RunRecord.of(
            "benchmarks",
            "Entente LWW",
            0,
            5,
            new PeerBytesMetrics("Entente LWW", "ReplicaStateCodec", 6_000_000, 1_800_000)));
    return rs;
  }

  @Test
  void peersRows_giveAPekkoRowPerWork_thenEachSubjectWithItsRatio() {
    List<RunRecord> rs = records();
    List<BenchRatioMetrics> ms = new ArrayList<>();
    rs.stream()
        .filter(r -> r.metrics() instanceof BenchRatioMetrics)
        .forEach(r -> ms.add((BenchRatioMetrics) r.metrics()));

    List<PeersBenchTable.Row> rows = PeersBenchTable.rows(ms);

    assertThat(rows)
        .extracting(r -> r.work() + " | " + r.subject())
        .containsExactly(
            "(a) 100k puts | Pekko LWWMap",
            "(a) 100k puts | Entente LWW",
            "(a) 100k puts | Entente MV",
            "(b) merge | Pekko LWWMap",
            "(b) merge | Entente LWW");
    assertThat(rows.get(0).medianMs()).isEqualTo(100.0);
    assertThat(rows.get(0).quartilesMs()).isEqualTo("90 - 110");
    assertThat(rows.get(1).ratio()).isEqualTo(0.4);
    assertThat(rows.get(1).allocPerWrite()).isEqualTo(250.0);
    assertThat(rows.get(4).allocPerWrite()).isEqualTo(500.0);
  }

  @Test
  void section_withPeersRows_showsThePeersAndBytesTablesFirst_andNamesEveryTarget() {
    Section s = BenchmarksSection.aggregate(records()).section();

    assertThat(s.tables())
        .extracting(t -> t.title())
        .containsExactly(
            "Peers on the public API (issue 13 workload)",
            "(c) Encoded merged state of work (b)",
            "Ratios to baselines and peers");
    assertThat(s.charts()).hasSize(2);
    assertThat(s.setup()).contains("Issue 13", "map-level");
    assertThat(s.findings())
        .contains("(a) 100k puts Entente MV 0.9x of Pekko (target <= 0.70x, MISSED)")
        .contains("(b) merge Entente LWW 0.3x of Pekko (target <= 0.20x, MISSED)");
  }
}
