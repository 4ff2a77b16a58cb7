package dev.entente.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.simulations.driver.MutantHunt;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tests the tester: the default profile catches every mutant in the catalogue within {@link
 * #SEED_BUDGET} seeds, and prints the first failing seed and the checkers that caught it.
 */
class MutantCatalogueTest {
  /** Seeds each mutant may survive before the simulator must have caught it. */
  static final int SEED_BUDGET = 40;

  static Stream<Mutant> mutants() {
    return Arrays.stream(Mutant.values()).filter(m -> m != Mutant.NONE);
  }

  @ParameterizedTest
  @MethodSource("mutants")
  void defaultProfile_catchesMutant_withinSeedBudget(Mutant mutant) {
    MutantHunt.Catch c = MutantHunt.hunt(mutant, Profile.DEFAULT, 1, SEED_BUDGET);
    System.out.printf(
        "mutant %-40s caught=%s first-failing-seed=%s seeds-run=%d by=%s%n",
        mutant.optionName(),
        c.caught(),
        c.firstFailingSeed().isPresent() ? c.firstFailingSeed().getAsLong() : "-",
        c.seedsRun(),
        c.caughtBy());
    assertThat(c.caught())
        .as(
            "%s (%s) survived %d seeds of the default profile",
            mutant.optionName(), mutant.description(), SEED_BUDGET)
        .isTrue();
    assertThat(c.lastLine()).startsWith("FAILED seed=").contains("--mutant " + mutant.optionName());
  }

  @Test
  void catalogue_hasAtLeastTwelveMutants() {
    assertThat(mutants().count()).isGreaterThanOrEqualTo(12);
  }

  @Test
  void realImplementation_isNotFlaggedByTheHunt() {
    MutantHunt.Catch c = MutantHunt.hunt(Mutant.NONE, Profile.DEFAULT, 1, 20);
    assertThat(c.caught()).as(c.lastLine()).isFalse();
  }
}
