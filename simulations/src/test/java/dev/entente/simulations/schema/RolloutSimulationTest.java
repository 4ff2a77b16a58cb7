package dev.entente.simulations.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.simulations.Mutant;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.SimulationOptions;
import dev.entente.simulations.driver.MutantHunt;
import dev.entente.simulations.driver.SimulationRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rollout profile: the real system passes a small CI seed range with every checker (the four
 * schema checkers included), and each schema mutant is caught within 40 seeds of it.
 */
class RolloutSimulationTest {
  /** Seeds in a plain build; {@code -Dentente.rollout.seeds=N} soaks longer. */
  private static final int SEEDS = Integer.getInteger("entente.rollout.seeds", 12);

  @Test
  void rolloutProfile_ciSeedRange_passesEveryChecker() {
    List<String> failures = new ArrayList<>();
    int upgrades = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      SimulationOptions o = Profile.ROLLOUT.resolve(seed, Overrides.NONE);
      SimulationRunner.Result r = SimulationRunner.run(o, line -> {});
      if (!r.passed()) {
        failures.add(r.lastLine());
      }
      upgrades += r.outcome().rollout().upgrades();
    }
    assertThat(failures).isEmpty();
    assertThat(upgrades).as("upgrades over the seed range").isPositive();
  }

  static Stream<Mutant> schemaMutants() {
    return Stream.of(
        Mutant.SCHEMA_OLD_REPLICA_DROPS_UNKNOWN_KEYS,
        Mutant.SCHEMA_RENAME_APPLIED_TWICE,
        Mutant.SCHEMA_TRANSLATES_AFTER_MERGE,
        Mutant.SCHEMA_DEFAULT_BY_ARRIVAL_ORDER);
  }

  @ParameterizedTest
  @MethodSource("schemaMutants")
  void rolloutProfile_catchesSchemaMutant_within40Seeds(Mutant mutant) {
    MutantHunt.Catch c = MutantHunt.hunt(mutant, Profile.ROLLOUT, 1, 40);
    System.out.printf(
        "mutant %-40s caught=%s seeds-run=%d by=%s%n",
        mutant.optionName(), c.caught(), c.seedsRun(), c.caughtBy());
    assertThat(c.caught()).as("%s survived 40 rollout seeds", mutant.optionName()).isTrue();
  }
}
