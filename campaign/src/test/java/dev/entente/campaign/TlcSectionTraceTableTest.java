package dev.entente.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.reports.ReportDocument.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The TLC section's trace validation table, from {@link TraceValidationMetrics} records. */
class TlcSectionTraceTableTest {
  @Test
  void traceValidationRecords_becomeATableInBatchOrder() {
    List<RunRecord> records =
        List.of(
            RunRecord.of(
                TlcSection.ID,
                "traces-10",
                0,
                2,
                new TraceValidationMetrics(10, 420, 1, 10, 2000, 210.0)),
            RunRecord.of(
                TlcSection.ID,
                "traces-1",
                0,
                1,
                new TraceValidationMetrics(1, 40, 1, 1, 1000, 40.0)));

    List<Table> tables = TlcSection.aggregate(records).section().tables();

    assertThat(tables).hasSize(2);
    Table trace = tables.get(1);
    assertThat(trace.title()).isEqualTo("Trace validation");
    assertThat(trace.rows()).hasSize(2);
    assertThat(trace.rows().get(0).get(0).text()).isEqualTo("1");
    assertThat(trace.rows().get(1).get(5).text()).isEqualTo("210");
  }

  @Test
  void traceKindsRecords_becomeAPerPolicyTableOfStepKinds() {
    List<RunRecord> records =
        List.of(
            RunRecord.of(
                TlcSection.ID,
                "kinds-MV",
                0,
                2,
                new TraceKindsMetrics("MV", 20, 20, 300, 500, 40, 3, 5, 1500.0)),
            RunRecord.of(
                TlcSection.ID,
                "kinds-LWW",
                0,
                1,
                new TraceKindsMetrics("LWW", 20, 19, 310, 520, 30, 2, 4, 1500.0)));

    List<Table> tables = TlcSection.aggregate(records).section().tables();

    assertThat(tables).hasSize(2);
    Table kinds = tables.get(1);
    assertThat(kinds.title()).isEqualTo("Trace validation by policy and step kind");
    assertThat(kinds.rows().get(0).get(0).text()).isEqualTo("LWW");
    assertThat(kinds.rows().get(1).get(5).text()).isEqualTo("40");
    assertThat(kinds.rows().get(1).get(8).text()).isEqualTo("1500");
  }

  @Test
  void traceKindsRecord_roundTripsThroughItsJsonLine() {
    RunRecord r =
        RunRecord.of(
            TlcSection.ID,
            "kinds-CAUSAL_GROUP",
            0,
            3,
            new TraceKindsMetrics("CAUSAL_GROUP", 20, 20, 290, 480, 35, 1, 6, 1234.5));

    assertThat(RunRecord.parse(r.toJsonLine())).isEqualTo(r);
  }

  @Test
  void noTraceValidationRecords_leaveOnlyTheModelTable() {
    assertThat(TlcSection.aggregate(List.of()).section().tables()).hasSize(1);
  }
}
