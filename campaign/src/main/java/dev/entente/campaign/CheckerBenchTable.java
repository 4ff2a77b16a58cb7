package dev.entente.campaign;

import dev.entente.campaign.report.Stats;
import dev.entente.campaign.report.TableBuilder;
import dev.entente.reports.ReportDocument.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The checker part of the benchmarks section (issue 13): from the bench module's {@code
 * CheckerBenchmark} ratio rows (labels starting {@value #FULL} and {@value #VERDICT}), one row per
 * history with Porcupine's time, the model oracle's, the full analysis {@code entente check} prints
 * and the verdict alone, so that the verdict-only figure, the one comparable with Porcupine's
 * verdict-only {@code CheckOperations}, is never mistaken for the full one. Stateless.
 */
final class CheckerBenchTable {
  /** The label prefix of the full analysis' ratio row. */
  static final String FULL = "checker, full analysis: ";

  /** The label prefix of the verdict-only ratio row. */
  static final String VERDICT = "checker, verdict only: ";

  // Go, best of 3, warm, measured by issue 13's author (Go is not installed here).
  private static final Map<String, Double> PORCUPINE_MS =
      Map.of(
          "kv/c50-ok.txt", 135.0,
          "kv/c50-bad.txt", 4.3,
          "jepsen/etcd_002.log", 176.0,
          "jepsen/etcd_099.log", 52.0);

  private CheckerBenchTable() {}

  /** One history: the oracle's time and, when measured, the checker's two figures, in ns. */
  record Row(
      String history,
      double oracleNanos,
      @Nullable Double fullNanos,
      @Nullable Double verdictNanos) {
    @Nullable Double porcupineMs() {
      return PORCUPINE_MS.get(history);
    }

    @Nullable Double verdictToPorcupine() {
      Double porcupine = porcupineMs();
      return porcupine == null || verdictNanos == null
          ? null
          : Stats.round2(verdictNanos / 1e6 / porcupine);
    }
  }

  /** The rows of {@code ratios}' checker rows, one per history in the order first measured. */
  static List<Row> rows(List<BenchRatioMetrics> ratios) {
    Map<String, Row> byHistory = new LinkedHashMap<>();
    for (BenchRatioMetrics m : ratios) {
      boolean full = m.label().startsWith(FULL);
      if (!full && !m.label().startsWith(VERDICT)) {
        continue;
      }
      String history = m.params().replaceFirst("^history=", "");
      Row was = byHistory.get(history);
      Double fullNanos =
          full ? Double.valueOf(m.subjectNanosPerOp()) : was == null ? null : was.fullNanos();
      Double verdictNanos =
          full ? (was == null ? null : was.verdictNanos()) : Double.valueOf(m.subjectNanosPerOp());
      byHistory.put(history, new Row(history, m.baselineNanosPerOp(), fullNanos, verdictNanos));
    }
    return new ArrayList<>(byHistory.values());
  }

  /** Adds the table of {@code ratios}' checker rows to {@code tables}, if there are any. */
  static void addTo(List<Table> tables, List<BenchRatioMetrics> ratios) {
    List<Row> rows = rows(ratios);
    if (!rows.isEmpty()) {
      tables.add(table(rows));
    }
  }

  static Table table(List<Row> rows) {
    return TableBuilder.<Row>titled("Linearizability checker beside Porcupine (issue 13)")
        .column("history", Row::history)
        .column("Porcupine (ms)", Row::porcupineMs)
        .column("model oracle (ms)", r -> ms(r.oracleNanos()))
        .column("entente check, full analysis (ms)", r -> ms(r.fullNanos()))
        .column("verdict only (ms)", r -> ms(r.verdictNanos()))
        .column("verdict only / Porcupine (x)", Row::verdictToPorcupine)
        .notes(
            "CheckerBenchmark: JMH average time, warm, one JVM, history parsed beforehand. Full"
                + " analysis is what entente check prints: the verdict, then for INVALID the key"
                + " the oracle reports and its explanation. Verdict only stops at the first"
                + " refuted key, as Porcupine's CheckOperations does. Porcupine's figures are the"
                + " issue author's (Go, best of 3, warm), not measured in this run.")
        .build(rows);
  }

  private static @Nullable Double ms(@Nullable Double nanos) {
    return nanos == null ? null : Stats.round2(nanos / 1e6);
  }
}
