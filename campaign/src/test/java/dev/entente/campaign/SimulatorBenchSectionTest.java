package dev.entente.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.reports.ReportDocument.Section;
import dev.entente.reports.ReportDocument.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks section shows the simulator's rows in their own table, its findings and the
 * campaign summary give complete default-profile runs per minute, and the records survive {@code
 * runs.jsonl}.
 */
class SimulatorBenchSectionTest {
  private static final List<RunRecord> RECORDS =
      List.of(
          RunRecord.of("benchmarks", "status", 0, 0, new StepStatus("ran", "y", "x")),
          RunRecord.of(
              "benchmarks",
              "r",
              0,
              1,
              new BenchRatioMetrics("Entente merge / HashMap union", "", 15, 10, 1.5, "x", "met")),
          RunRecord.of(
              "benchmarks",
              "simulator LWW",
              0,
              2,
              new SimulatorBenchMetrics("LWW", 1_234.4, 56.0, 98_765.0)),
          RunRecord.of(
              "benchmarks",
              "simulator MV",
              0,
              3,
              new SimulatorBenchMetrics("MV", 1_000.0, 0.0, 80_000.0)));

  @Test
  void simulatorRows_aggregate_intoTheirOwnTableAfterTheRatios() {
    Section s = BenchmarksSection.aggregate(RECORDS).section();

    assertThat(s.tables()).hasSize(2);
    Table simulator = s.tables().get(1);
    assertThat(simulator.title()).isEqualTo(BenchmarksSection.SIMULATOR_TABLE);
    assertThat(simulator.columns())
        .containsExactly("policy", "runs per minute", "+- (runs/min)", "events per second");
    assertThat(simulator.rows()).hasSize(2);
    assertThat(s.tables().get(0).rows()).hasSize(1);
  }

  @Test
  void simulatorRows_findingsAndSummary_giveRunsPerMinuteOfTheFirstPolicy() {
    String expected =
        "The simulator ran 1234 complete default-profile runs per minute on one core (LWW, 98765"
            + " events per second; target 300,000).";

    assertThat(BenchmarksSection.aggregate(RECORDS).section().findings()).endsWith(expected);
    assertThat(BenchmarksSection.summary(RECORDS)).isEqualTo(expected);
  }

  @Test
  void noSimulatorRows_summary_isNullAndOneTableRemains() {
    List<RunRecord> ratiosOnly = RECORDS.subList(0, 2);

    assertThat(BenchmarksSection.summary(ratiosOnly)).isNull();
    assertThat(BenchmarksSection.aggregate(ratiosOnly).section().tables()).hasSize(1);
  }

  @Test
  void simulatorRecord_jsonLine_roundTrips() {
    RunRecord r = RECORDS.get(2);

    String line = r.toJsonLine();

    assertThat(RunRecord.parse(line)).isEqualTo(r);
    assertThat(line).contains("\"type\":\"bench-simulator\"");
  }
}
