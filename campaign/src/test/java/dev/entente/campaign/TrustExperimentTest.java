package dev.entente.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The trust section from records: one row per variant present, the sealing overhead from the plain
 * and sealed runs without attack, and the records round-trip through {@code runs.jsonl}.
 */
class TrustExperimentTest {
  private static final CampaignPlan QUICK =
      new CampaignPlan(CampaignMode.QUICK, 1, 8, List.of(TrustExperiment.ID));

  private static RunRecord record(String variant, boolean sealed, long bytes, Long evidence) {
    TrustMetrics m =
        new TrustMetrics(
            true, "", sealed, evidence, 2, 3L, 1, 0, 100, bytes, 3 * bytes, true, "replay");
    return RunRecord.parse(RunRecord.of(TrustExperiment.ID, variant, 1, 0, m).toJsonLine());
  }

  @Test
  void specs_quickMode_oneSeedPerVariant() {
    assertThat(new TrustExperiment(QUICK).specs())
        .hasSize(TrustExperiment.variants().size())
        .allMatch(s -> s.seed() == 1);
  }

  @Test
  void aggregate_plainAndSealedRuns_reportTheSealingOverheadAndDetection() {
    List<RunRecord> records =
        List.of(
            record("none-plain", false, 17_500, null),
            record("none", true, 23_000, null),
            record("fork", true, 24_000, 5L));

    ExperimentReport r = new TrustExperiment(QUICK).aggregate(records);

    assertThat(r.section().tables().get(0).rows()).hasSize(3);
    assertThat(r.section().findings())
        .contains("3 of 3 relay runs passed")
        .contains("from 175.0 (plain) to 230.0 (sealed, PADMÉ): 1.31 times")
        .contains("at most 3 rounds");
  }

  @Test
  void aggregate_noRecords_saysNoRuns() {
    assertThat(new TrustExperiment(QUICK).aggregate(List.of()).section().findings())
        .isEqualTo("No runs.");
  }
}
