package dev.entente.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.model.RegisterPolicy;
import dev.entente.reports.ReportDocument.Section;
import dev.entente.reports.ReportDocument.Table;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The storage experiment: one seed per variant (storage-backed or compacting) passes, its outcome
 * table has a row per profile and policy, and the growth workload shows the log growing with
 * history while the GC'd snapshot stays flat.
 */
class StorageExperimentTest {
  private static final CampaignPlan PLAN =
      new CampaignPlan(CampaignMode.QUICK, 1, 1, List.of(StorageExperiment.ID));

  @Test
  void oneSeedPerVariant_everyRunPasses_andTheTableHasARowPerVariant() {
    StorageExperiment e = new StorageExperiment(PLAN);
    List<RunRecord> records = new ArrayList<>();
    for (RunSpec s : Campaign.specs(PLAN)) {
      records.add(e.run(s));
    }
    Section section = e.aggregate(records).section();
    Table outcomes = section.tables().get(0);
    System.out.println(section.findings());
    outcomes.rows().forEach(r -> System.out.println(r.stream().map(c -> c.text()).toList()));
    assertThat(outcomes.rows()).hasSize(9);
    for (var row : outcomes.rows()) {
      assertThat(row.get(2).text()).as("failing runs of %s", row.get(0).text()).isEqualTo("0");
    }
    assertThat(section.charts()).hasSize(2);
  }

  @Test
  void growth_logGrowsWithHistory_snapshotAfterGcStaysFlat() {
    for (RegisterPolicy p : RegisterPolicy.values()) {
      StoredBytes.Growth small = StoredBytes.growth(p, 1_000);
      StoredBytes.Growth big = StoredBytes.growth(p, 8_000);
      System.out.printf(
          "growth %s: 1000 writes log=%d snapshot=%d; 8000 writes log=%d snapshot=%d%n",
          p, small.logBytes(), small.snapshotBytes(), big.logBytes(), big.snapshotBytes());
      assertThat(big.logBytes()).isGreaterThan(7 * small.logBytes());
      assertThat((double) big.snapshotBytes()).isLessThan(1.5 * small.snapshotBytes());
    }
  }
}
