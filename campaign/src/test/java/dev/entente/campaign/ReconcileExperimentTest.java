package dev.entente.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.reports.ReportDocument.Section;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reconcile experiment: its in-memory cells are the command's measurements, its poisoned cells
 * show the unkeyed filter claiming the mined ids and the keyed one not, and its section's charts
 * and findings are computed from the records.
 */
class ReconcileExperimentTest {
  private static final CampaignPlan PLAN =
      new CampaignPlan(CampaignMode.QUICK, 1, 2, List.of(ReconcileExperiment.ID));

  @Test
  void tableCell_rbsrThousandItemsTenMissing_isTheReadmeRow() {
    ReconcileMetrics m = ReconcileMeasure.run("table/rbsr/1000/10", 1);
    assertThat(m.roundTrips()).isEqualTo(2);
    assertThat(m.bytes()).isEqualTo(3_077);
    assertThat(m.missing()).isEqualTo(10);
  }

  @Test
  void poisonedCells_unkeyedClaimsTheMinedIds_keyedDoesNot() {
    ReconcileMetrics unkeyed = ReconcileMeasure.run("poison/bloom/2000/20", 1);
    ReconcileMetrics keyed = ReconcileMeasure.run("poison/bloom-keyed/2000/20", 1);
    assertThat(unkeyed.poisonedClaimed()).isGreaterThanOrEqualTo(18);
    assertThat(unkeyed.roundTrips()).isGreaterThan(1);
    assertThat(keyed.poisonedClaimed()).isLessThanOrEqualTo(2);
    assertThat(keyed.roundTrips()).isEqualTo(1);
  }

  @Test
  void specs_quickMode_cellsOnceAndFourSimulatedSeeds() {
    ReconcileExperiment e = new ReconcileExperiment(PLAN);
    List<RunSpec> specs = e.specs();
    long cells = specs.stream().filter(s -> !s.variant().endsWith("/faults")).count();
    assertThat(cells).isEqualTo(5 * 4 + 2 * 2);
    assertThat(specs).filteredOn(s -> s.variant().endsWith("/faults")).hasSize(4 * 2);
    assertThat(
            ReconcileExperiment.command(
                RunSpec.of("reconcile", "poison/bloom-keyed/10000/100", 1, null, null)))
        .isEqualTo(
            "./entente reconcile --protocol bloom --keyed --items 10000 --missing 10"
                + " --poisoned 100 --seed 1");
  }

  @Test
  void aggregate_cannedRecords_chartsAndFindingsQuoteTheTable() {
    List<RunRecord> rs = new ArrayList<>();
    int i = 0;
    for (int d : ReconcileExperiment.DIFFERENCES) {
      rs.add(
          cell(
              i++,
              "table/rbsr/10000/" + d,
              new ReconcileMetrics("rbsr", 10_000, d, 0, 0, 3, 100L * d, 5)));
      rs.add(
          cell(
              i++,
              "table/iblt/10000/" + d,
              new ReconcileMetrics("iblt", 10_000, d, 0, 0, 1, 50L * d, 2)));
    }
    rs.add(
        cell(
            i++,
            "poison/bloom/10000/100",
            new ReconcileMetrics("bloom", 10_000, 110, 100, 98, 45, 31_436, 90)));
    SimRun ok = new SimRun(true, "", "./entente simulate --seed 1 --sync rbsr");
    rs.add(RunRecord.of("reconcile", "rbsr/faults", 1, i, new SyncMetrics(ok, 10, 40, 4000, 120L)));

    Section s = new ReconcileExperiment(PLAN).aggregate(rs).section();

    assertThat(s.charts()).hasSize(2);
    assertThat(s.charts().get(0).series().get(0).values())
        .containsExactly(100.0, 1000.0, 10000.0, 100000.0);
    assertThat(s.tables().get(0).rows()).hasSize(8);
    assertThat(s.findings())
        .contains("rbsr: 3 round trips for D = 1..1000, 100 bytes at D = 1 and 100,000 at D = 1000")
        .contains("At D = 1000 IBLT sent 0.5 of RBSR's bytes")
        .contains("With 100 mined ids the unkeyed filter claimed 98 (98")
        .contains("Simulated rbsr: 0 of 1 runs failed a check, 0 did not converge");
  }

  private static RunRecord cell(int index, String variant, Metrics m) {
    return RunRecord.of("reconcile", variant, 1, index, m);
  }
}
