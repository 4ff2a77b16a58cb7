package dev.entente.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.reports.ReportDocument;
import dev.entente.reports.ReportReader;
import dev.entente.reports.Reports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The campaign and the reports module share one schema: the campaign builds {@link
 * ReportDocument}s, {@code results.json} is what {@link dev.entente.reports.ReportWriter} makes of
 * them, and {@link ReportReader} reads the file back equal. Checked on every section the campaign
 * writes, including the status-only ones.
 */
class ResultsSchemaTest {
  @TempDir Path tmp;

  @Test
  void writtenResults_readBackByTheReportsReader_equalTheDocument() throws IOException {
    CampaignOptions o =
        new CampaignOptions(CampaignMode.QUICK, 2, true, List.of(), false, false, new Shard(1, 3));
    Machine m = new Machine("17.0.15", 2, "Linux amd64", "abc123", false);
    List<RunRecord> records =
        List.of(
            RunRecord.of(
                "clocks",
                "wall",
                1,
                0,
                new ClocksMetrics(
                    new SimRun(true, "", "./entente simulate --seed 1"), 5, 1, 1, 0, 2, 0L)),
            RunRecord.of(
                "tlc", StepStatus.VARIANT, 0, 0, new StepStatus("skipped", "--no-tlc", null)));
    List<ExperimentReport> reports = Campaign.aggregate(o.plan(), records);
    ReportDocument document = CampaignFiles.document(o, m, reports);

    Path file = CampaignFiles.writeResults(tmp, o, m, reports);

    ReportDocument read = new ReportReader().read(file);
    assertThat(read).isEqualTo(document);
    assertThat(read.sections()).hasSize(Campaign.SECTIONS.size());
    assertThat(read.title()).isEqualTo("Entente campaign (shard 1/3)");
    assertThat(Reports.render(file, tmp)).isNotEmpty();
    assertThat(Files.readString(tmp.resolve("report.md"), StandardCharsets.UTF_8))
        .contains("Clocks under skew");
  }
}
