package dev.entente.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.model.check.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed record as one line of {@code runs.jsonl}. */
class RunRecordTest {
  @Test
  void jsonLine_everyMetricsType_roundTripsExactly() {
    SimRun run = new SimRun(false, "convergence", "./entente simulate --seed 3");
    List<RunRecord> records =
        List.of(
            RunRecord.of("clocks", "hlc", 3, 0, new ClocksMetrics(run, 1, 2, 3, 4, 5, null)),
            RunRecord.of("sync", "op/loss", 3, 1, new SyncMetrics(run, 10, 25, 1000, 40L)),
            RunRecord.of(
                "sequencer",
                "sequencer",
                3,
                2,
                new SequencerMetrics(run, Verdict.UNKNOWN, 1, 1, 0, 0)),
            RunRecord.of(
                "mutants",
                "lww-ignores-hlc",
                1,
                3,
                new MutantMetrics("x", true, 2, 10, "a, b", 2L, "./entente simulate --seed 2")),
            RunRecord.of(
                "tlc",
                "MCKvCrdt",
                0,
                1,
                new TlcModelMetrics("KvCrdt.tla", "pass", "pass", true, 12L, null, 3L)),
            RunRecord.of(
                "benchmarks",
                "r",
                0,
                1,
                new BenchRatioMetrics("r", "", 0.1 + 0.2, 1, 0.3, "-", "-")),
            RunRecord.of("tlc", "status", 0, 0, new StepStatus("skipped", "--no-tlc", null)));

    for (RunRecord r : records) {
      String line = r.toJsonLine();
      assertThat(RunRecord.parse(line)).isEqualTo(r);
      assertThat(RunRecord.parse(line).toJsonLine()).isEqualTo(line);
    }
  }

  @Test
  void parse_missingOrUnknownField_isRejectedNamingIt() {
    assertThatThrownBy(() -> RunRecord.parse("{\"index\":1}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key");
    String line =
        RunRecord.of("tlc", "status", 0, 0, new StepStatus("ran", "r", null)).toJsonLine();
    assertThatThrownBy(() -> RunRecord.parse(line.replace("\"reason\"", "\"why\"")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reason");
  }

  @Test
  void runKey_identifiesARunWithoutIndexOffsets() {
    RunRecord a = RunRecord.of("tlc", "status", 0, 0, new StepStatus("ran", "r", null));
    RunRecord b = RunRecord.of("benchmarks", "status", 0, 0, new StepStatus("ran", "r", "m"));

    assertThat(a.key()).isNotEqualTo(b.key());
    assertThat(a.index()).isEqualTo(b.index());
    assertThat(Campaign.canonical(List.of(a, b))).containsExactly(a, b);
  }
}
