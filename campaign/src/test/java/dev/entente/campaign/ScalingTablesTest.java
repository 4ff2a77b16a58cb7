package dev.entente.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.reports.ReportDocument.Section;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScalingTablesTest {
  @Test
  void addRecords_scalingJson_becomeBenchmarkRecordsWithMissingFiguresAsNull(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("scaling.json");
    Files.writeString(
        file,
        "[{\"policy\":\"MV\",\"order\":\"inOrder\",\"changes\":10000,\"millis\":50.0,"
            + "\"peakHeapMb\":20.0,\"timeExponent\":\"NaN\",\"heapExponent\":\"NaN\","
            + "\"timeVsInOrder\":1.0,\"heapVsInOrder\":1.0,\"verdict\":\"-\"}]");
    List<RunRecord> out = new ArrayList<>();

    ScalingTables.addRecords(file, out);

    assertThat(out).hasSize(1);
    ScalingMetrics m = (ScalingMetrics) out.get(0).metrics();
    assertThat(m.timeExponent()).isNull();
    assertThat(m.peakHeapMb()).isEqualTo(20.0);
    assertThat(RunRecord.parse(out.get(0).toJsonLine())).isEqualTo(out.get(0));
  }

  @Test
  void aggregate_scalingRecords_addTableChartAndNameTheMisses() {
    List<RunRecord> rs = new ArrayList<>();
    rs.add(RunRecord.of("benchmarks", "status", 0, 0, new StepStatus("ran", "y", "x")));
    rs.add(scaling(1, "inOrder", 100.0, null, "-"));
    rs.add(scaling(2, "shuffled", 300.0, 3.0, "missed"));
    rs.add(scaling(3, "reversed", 150.0, 1.5, "met"));

    Section s = BenchmarksSection.aggregate(rs).section();

    assertThat(s.tables()).hasSize(2);
    assertThat(s.tables().get(1).rows()).hasSize(3);
    assertThat(s.charts()).extracting(c -> c.title()).contains("Replay time / in-order time");
    assertThat(s.findings())
        .contains("Scaling: 1 of 2 out-of-order replays within 2x")
        .contains("Missed: MV shuffled 100000.");
  }

  private static RunRecord scaling(
      int i, String order, double millis, Double vsInOrder, String verdict) {
    return RunRecord.of(
        "benchmarks",
        "scaling MV " + order,
        0,
        i,
        new ScalingMetrics(
            "MV", order, 100_000, millis, 50.0, 1.0, 1.0, vsInOrder, vsInOrder, verdict));
  }
}
