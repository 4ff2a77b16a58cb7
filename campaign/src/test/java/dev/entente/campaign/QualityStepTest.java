package dev.entente.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.reports.ReportDocument.Section;
import dev.entente.simulations.coverage.Marks;
import dev.entente.simulations.coverage.SimMark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build-quality section from JaCoCo's CSV and PIT's mutations.xml in a checkout. */
class QualityStepTest {
  @TempDir Path root;

  @Test
  void read_jacocoAndPitReports_giveCoverageAndScorePerModule() throws IOException {
    Path impl = module("impl");
    module("model");
    write(
        impl.resolve("target/site/jacoco/jacoco.csv"),
        "GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,"
            + "LINE_MISSED,LINE_COVERED\n"
            + "impl,dev.entente.impl,Replica,10,90,2,8,3,27\n"
            + "impl,dev.entente.impl,Dot,0,10,0,2,0,5\n");
    write(
        impl.resolve("target/pit-reports/202612010900/mutations.xml"),
        "<?xml version='1.0'?><mutations>"
            + "<mutation detected='true' status='KILLED' numberOfTestsRun='3'><x/></mutation>"
            + "<mutation detected='true' status='TIMED_OUT' numberOfTestsRun='1'><x/></mutation>"
            + "<mutation detected='false' status='SURVIVED' numberOfTestsRun='2'><x/></mutation>"
            + "<mutation detected='false' status='NO_COVERAGE' numberOfTestsRun='0'><x/></mutation>"
            + "</mutations>");

    List<RunRecord> records = QualityStep.read(root);
    Section s = QualitySection.aggregate(records).section();

    assertThat(records).hasSize(3);
    assertThat(((StepStatus) records.get(0).metrics()).status()).isEqualTo("ran");
    assertThat(CampaignAggregationTest.row(s, 0, 0))
        .containsExactly("impl", "91.4", "83.3", "35", "12");
    assertThat(CampaignAggregationTest.row(s, 1, 0))
        .containsExactly("impl", "4", "2", "1", "1", "50");
    assertThat(s.findings())
        .contains("impl 91.4% / 83.3%")
        .contains("PIT killed 2 of 4 mutations in impl (50%, below the 85% target)");
    for (RunRecord r : records) {
      assertThat(RunRecord.parse(r.toJsonLine())).isEqualTo(r);
    }
  }

  @Test
  void aggregate_simulatedRunsWithMarks_listsEveryMarkWithRunsHitsAndFirstReplay() {
    String lost = SimMark.NET_LOST.markName();
    String step = SimMark.CLOCK_STEPPED_BACKWARDS.markName();
    SimRun a = new SimRun(true, "", "r1", new TreeMap<>(Map.of(lost, 2L, step, 1L)));
    SimRun b = new SimRun(true, "", "r2", new TreeMap<>(Map.of(lost, 3L)));
    List<RunRecord> records =
        List.of(
            RunRecord.of("clocks", "hlc", 1, 0, new ClocksMetrics(a, 0, 0, 0, 0, 0, null)),
            RunRecord.of("clocks", "hlc", 2, 1, new ClocksMetrics(b, 0, 0, 0, 0, 0, null)));

    Section s = QualitySection.aggregate(records).section();

    List<List<String>> rows = new ArrayList<>();
    for (int r = 0; r < s.tables().get(2).rows().size(); r++) {
      rows.add(CampaignAggregationTest.row(s, 2, r));
    }
    assertThat(rows).hasSize(Marks.CATALOGUE.names().size());
    assertThat(rows).contains(List.of(step, "1", "1", "r1"), List.of(lost, "2", "5", "r1"));
    String unreached = SimMark.NET_DUPLICATED.markName();
    assertThat(rows).contains(List.of(unreached, "0", "0", "-"));
    int total = Marks.CATALOGUE.names().size();
    assertThat(s.findings())
        .contains("The simulated runs hit 2 of the " + total + " coverage marks.")
        .contains("Not reached (untested paths): ")
        .contains(unreached);
    assertThat(RunRecord.parse(records.get(0).toJsonLine())).isEqualTo(records.get(0));
  }

  @Test
  void read_noReports_saysSo() throws IOException {
    module("model");

    Section s = QualitySection.aggregate(QualityStep.read(root)).section();

    assertThat(s.findings())
        .startsWith("No coverage or mutation reports in this run (unavailable")
        .contains("The simulated runs hit 0 of the ")
        .contains("Not reached (untested paths): ");
    assertThat(s.tables().get(0).rows()).isEmpty();
  }

  private Path module(String name) throws IOException {
    Path m = Files.createDirectories(root.resolve(name));
    Files.writeString(m.resolve("pom.xml"), "<project/>");
    return m;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
