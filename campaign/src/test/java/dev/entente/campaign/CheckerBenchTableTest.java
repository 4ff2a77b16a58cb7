package dev.entente.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.reports.ReportDocument.Section;
import dev.entente.reports.ReportDocument.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker table of the benchmarks section, from CheckerBenchmark's two ratio rows. */
class CheckerBenchTableTest {
  private static RunRecord ratio(int i, String label, String history, double ms, double oracle) {
    return RunRecord.of(
        "benchmarks",
        label,
        0,
        i,
        new BenchRatioMetrics(
            label, "history=" + history, ms * 1e6, oracle * 1e6, ms / oracle, "-", "-"));
  }

  private static List<RunRecord> records() {
    String full = CheckerBenchTable.FULL + "parallel checker / model oracle";
    String verdict = CheckerBenchTable.VERDICT + "parallel checker / model oracle";
    return List.of(
        RunRecord.of("benchmarks", "status", 0, 0, new StepStatus("ran", "y", "x")),
        ratio(1, full, "kv/c50-bad.txt", 40, 120),
        ratio(2, full, "jepsen/etcd_002.log", 30, 150),
        ratio(3, verdict, "kv/c50-bad.txt", 8.6, 120),
        ratio(4, verdict, "jepsen/etcd_002.log", 20, 150));
  }

  @Test
  void checkerRows_giveOneRowPerHistory_withTheFullAndTheVerdictOnlyFigureSideBySide() {
    Section s = BenchmarksSection.aggregate(records()).section();

    Table table =
        s.tables().stream()
            .filter(t -> t.title().startsWith("Linearizability checker"))
            .findFirst()
            .orElseThrow();
    assertThat(table.columns())
        .containsExactly(
            "history",
            "Porcupine (ms)",
            "model oracle (ms)",
            "entente check, full analysis (ms)",
            "verdict only (ms)",
            "verdict only / Porcupine (x)");
    assertThat(table.rows()).hasSize(2);
    List<CheckerBenchTable.Row> rows =
        CheckerBenchTable.rows(
            records().stream()
                .filter(r -> r.metrics() instanceof BenchRatioMetrics)
                .map(r -> (BenchRatioMetrics) r.metrics())
                .toList());
    assertThat(rows)
        .extracting(CheckerBenchTable.Row::history)
        .containsExactly("kv/c50-bad.txt", "jepsen/etcd_002.log");
    assertThat(rows.get(0).porcupineMs()).isEqualTo(4.3);
    assertThat(rows.get(0).fullNanos()).isEqualTo(40e6);
    assertThat(rows.get(0).verdictNanos()).isEqualTo(8.6e6);
    assertThat(rows.get(0).verdictToPorcupine()).isEqualTo(2.0);
    assertThat(rows.get(1).oracleNanos()).isEqualTo(150e6);
  }

  @Test
  void section_withoutCheckerRows_hasNoCheckerTable() {
    Section s = BenchmarksSection.aggregate(records().subList(0, 1)).section();

    assertThat(s.tables()).noneMatch(t -> t.title().startsWith("Linearizability checker"));
  }
}
