package dev.entente.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.reports.ReportDocument.Section;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The Jepsen section reports the campaign's run from its record (size, faults, verdict, anomalies,
 * history size, the rerun command), or why there was none; the record survives {@code runs.jsonl}.
 */
class JepsenSectionTest {
  private static JepsenMetrics run(String verdict, List<String> anomalies) {
    TreeMap<String, Long> faults = new TreeMap<>();
    faults.put("kill", 2L);
    faults.put("partition", 3L);
    return new JepsenMetrics(
        3,
        10,
        "delta",
        "kill,partition",
        faults,
        verdict,
        700,
        1500,
        anomalies,
        "./entente jepsen --nodes 3 --time 10 --faults kill,partition --protocol delta --seed 1",
        "runs/x/jepsen");
  }

  @Test
  void aggregate_aValidRun_reportsItsFaultsVerdictAndReplay() {
    RunRecord r =
        RunRecord.of(JepsenSection.ID, JepsenSection.VARIANT, 1, 1, run("VALID", List.of()));

    ExperimentReport report = JepsenSection.aggregate(List.of(r));

    Section s = report.section();
    assertThat(s.findings())
        .isEqualTo(
            "VALID: 3 nodes for 10 s, 5 faults injected (kill 2, partition 3), 700 client ops in a"
                + " history of 1500 ops; every checker passed.");
    assertThat(s.tables().get(0).rows().get(0).get(5).text()).isEqualTo("2");
    assertThat(report.replays()).hasSize(1);
    assertThat(report.replays().get(0).command()).endsWith("--seed 1");
    assertThat(s.charts()).hasSize(1);
    assertThat(RunRecord.parse(r.toJsonLine())).isEqualTo(r);
  }

  @Test
  void aggregate_anInvalidRun_namesTheCheckersThatFailed() {
    RunRecord r =
        RunRecord.of(
            JepsenSection.ID,
            JepsenSection.VARIANT,
            1,
            1,
            run("INVALID", List.of("read-your-writes INVALID: n1 read without its write")));

    Section s = JepsenSection.aggregate(List.of(r)).section();

    assertThat(s.findings())
        .startsWith("INVALID: ")
        .endsWith("1 checkers did not pass: read-your-writes INVALID: n1 read without its write.");
  }

  @Test
  void aggregate_quickMode_saysTheRunWasSkippedAndWhy() {
    List<RunRecord> records =
        JepsenStep.forCampaign(
            new CampaignOptions(
                CampaignMode.QUICK, 8, false, List.of(JepsenSection.ID), false, false, Shard.WHOLE),
            java.nio.file.Path.of("unused"),
            System.err);

    Section s = JepsenSection.aggregate(records).section();

    assertThat(s.findings()).startsWith("No Jepsen run in this campaign (skipped: --quick");
    assertThat(s.charts()).isEmpty();
  }
}
