package dev.entente.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.reports.ReportDocument;
import dev.entente.reports.ReportDocument.Cell;
import dev.entente.reports.ReportDocument.Section;
import dev.entente.reports.ReportDocument.Table;
import dev.entente.reports.ReportReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./entente run --quick} gives the same tables, findings and charts as before the campaign
 * moved into its own module and its metrics became typed: the golden file is the {@code
 * results.json} the pre-refactor code wrote for {@code ./entente run --quick --no-bench --no-tlc}
 * (commit 86d7cd7). The simulated experiments and the mutant hunts run here in-process with the
 * same seeds; every table (titles, columns, every rendered cell), every findings paragraph and
 * every chart of the golden sections must be equal. Sections may gain charts (distributions over
 * runs, added after the golden file was written); none may be lost or change.
 */
class QuickCampaignGoldenTest {
  private static final List<String> SIMULATED =
      List.of("clocks", "policies", "sync", "sequencer", "mutants");

  private static ReportDocument golden;
  private static List<ExperimentReport> now;

  @BeforeAll
  static void runTheQuickCampaign() throws IOException {
    try (InputStream in =
        QuickCampaignGoldenTest.class.getResourceAsStream("/golden/quick-results.json")) {
      golden =
          new ReportReader()
              .read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "quick-results.json");
    }
    // Only the golden sections run (--only): the sections added since are not compared here and
    // have their own tests. The golden ones come first in Campaign.SECTIONS, so their run indices
    // are those of a whole --quick run, and each section is aggregated from its own records alone.
    CampaignOptions o =
        new CampaignOptions(CampaignMode.QUICK, 8, false, SIMULATED, false, false, Shard.WHOLE);
    List<RunRecord> records =
        CampaignRunner.simulate(o, new PrintStream(OutputStream.nullOutputStream()));
    now = Campaign.aggregate(o.plan(), Campaign.canonical(goldenMutantsOnly(records)));
  }

  /**
   * The mutant catalogue grows (new mutants are appended at the end of {@code Mutant}, and {@code
   * MutantCatalogueTest} checks each is caught): the golden mutants section is compared over the
   * mutants it names, so a new mutant does not rewrite the old ones' rows, findings and charts.
   */
  private static List<RunRecord> goldenMutantsOnly(List<RunRecord> records) {
    Set<String> golden = new HashSet<>();
    for (List<String> row :
        texts(section(QuickCampaignGoldenTest.golden.sections(), "mutants").tables().get(0))) {
      golden.add(row.get(0));
    }
    return records.stream()
        .filter(r -> !r.key().experiment().equals("mutants") || golden.contains(r.key().variant()))
        .toList();
  }

  @Test
  void quickCampaign_tables_equalThePreRefactorOnes() {
    for (String id : SIMULATED) {
      List<Table> before = section(golden.sections(), id).tables();
      List<Table> after = current(id).tables();
      assertThat(after).as(id).hasSameSizeAs(before);
      for (int t = 0; t < before.size(); t++) {
        assertThat(after.get(t).title()).isEqualTo(before.get(t).title());
        assertThat(after.get(t).columns()).as(id + " columns").isEqualTo(before.get(t).columns());
        assertThat(texts(after.get(t)))
            .as(id + " " + before.get(t).title())
            .isEqualTo(texts(before.get(t)));
        assertThat(after.get(t).notes()).isEqualTo(before.get(t).notes());
      }
    }
  }

  @Test
  void quickCampaign_findingsAndSetup_equalThePreRefactorOnes() {
    for (String id : SIMULATED) {
      Section before = section(golden.sections(), id);
      Section after = current(id);
      assertThat(after.findings()).as(id).isEqualTo(before.findings());
      assertThat(after.setup()).as(id).isEqualTo(before.setup());
      assertThat(after.question()).as(id).isEqualTo(before.question());
    }
  }

  @Test
  void quickCampaign_charts_keepEveryPreRefactorChart() {
    for (String id : SIMULATED) {
      assertThat(current(id).charts()).as(id).containsAll(section(golden.sections(), id).charts());
    }
  }

  private static Section current(String id) {
    return section(now.stream().map(ExperimentReport::section).toList(), id);
  }

  private static Section section(List<Section> sections, String id) {
    return sections.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  private static List<List<String>> texts(Table t) {
    return t.rows().stream().map(r -> r.stream().map(Cell::text).toList()).toList();
  }
}
