package dev.entente.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.driver.SimulationRunner;
import dev.entente.simulations.schema.RolloutRecord;
import dev.entente.simulations.sync.SyncKind;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The lens-safety races and the rollout numbers the schema rollout experiment reports. */
class LensSafetyTest {
  @Test
  void races_renameSplitConvertAddRemove_convergeAndKeepBothWrites() {
    List<LensSafety.Tally> all = LensSafety.all(SchemaRolloutExperiment.RACE_RUNS);
    all.forEach(t -> System.out.println("lens-safety " + t));
    for (LensSafety.Tally t : all) {
      assertThat(t.converged()).as(t.race().description).isEqualTo(t.runs());
      assertThat(t.oracleAgrees()).as(t.race().description).isEqualTo(t.runs());
      assertThat(t.kept()).as(t.race().description).isEqualTo(t.runs());
    }
  }

  @Test
  void splitPartRacingTheJoinedKey_breaksTheInvariantInSomeRuns() {
    LensSafety.Tally t = LensSafety.run(LensSafety.Race.SPLIT_PART_VS_JOINED_KEY, 30);
    assertThat(t.invariantHolds()).isLessThan(t.runs());
    assertThat(LensSafety.run(LensSafety.Race.SPLIT_VS_JOINED_KEY, 30).safe()).isTrue();
  }

  @Test
  void rolloutRuns_perSync_passAndOldReplicasKeepNewerChanges() {
    Map<String, long[]> rows = new TreeMap<>();
    for (SyncKind s : List.of(SyncKind.OP, SyncKind.STATE, SyncKind.DELTA)) {
      long[] row = new long[5];
      for (long seed = 1; seed <= 4; seed++) {
        SimulationRunner.Result r =
            SimulationRunner.run(
                Profile.ROLLOUT.resolve(seed, Overrides.NONE.withSync(s)), l -> {});
        RolloutRecord rec = r.outcome().rollout();
        row[0] += r.passed() ? 1 : 0;
        row[1] += r.outcome().stats().convergenceTicks();
        row[2] += r.outcome().stats().bytes();
        row[3] += rec.upgrades();
        row[4] +=
            rec.finals().stream()
                .mapToLong(
                    o -> o.log().stream().filter(c -> c.schemaVersion() > o.version()).count())
                .sum();
      }
      rows.put(s.optionName(), row);
      assertThat(row[0]).as("%s runs passed", s).isEqualTo(4);
    }
    rows.forEach(
        (k, v) ->
            System.out.printf(
                "rollout sync=%s passed=%d/4 convergenceTicksSum=%d bytesSum=%d upgrades=%d"
                    + " newerChangesAtOld=%d%n",
                k, v[0], v[1], v[2], v[3], v[4]));
  }
}
