package dev.entente.simulations.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.model.check.CheckResult;
import dev.entente.model.check.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tests the relay checkers: every relay mutant, run under the attacks that reach it, is caught
 * within {@link #SEED_BUDGET} seeds; the first failing seed and the checkers that caught it are
 * printed. The real components pass the same seeds under every attack.
 */
class RelayMutantCatalogueTest {
  static final int SEED_BUDGET = 40;

  static Stream<RelayMutant> mutants() {
    return Arrays.stream(RelayMutant.values()).filter(m -> m != RelayMutant.NONE);
  }

  @ParameterizedTest
  @MethodSource("mutants")
  void mutant_underItsAttacks_isCaughtWithinSeedBudget(RelayMutant mutant) {
    long caughtAt = -1;
    List<String> by = new ArrayList<>();
    for (long seed = 1; seed <= SEED_BUDGET && caughtAt < 0; seed++) {
      RelayRunner.Result r =
          RelayRunner.run(RelayOptions.of(seed, mutant.attacks(), mutant), line -> {});
      if (!r.passed()) {
        caughtAt = seed;
        r.check().parts().stream()
            .filter(p -> p.verdict() != Verdict.VALID)
            .map(CheckResult::checker)
            .forEach(by::add);
        assertThat(r.lastLine())
            .startsWith("FAILED seed=")
            .contains("--relay-mutant " + mutant.optionName());
      }
    }
    System.out.printf(
        "relay mutant %-28s first-failing-seed=%d by=%s%n", mutant.optionName(), caughtAt, by);
    assertThat(caughtAt).as("%s survived %d seeds", mutant.optionName(), SEED_BUDGET).isPositive();
  }

  @Test
  void realComponents_underEveryAttack_areNotFlagged() {
    for (long seed = 1; seed <= 3; seed++) {
      RelayRunner.Result r =
          RelayRunner.run(
              RelayOptions.of(seed, EnumSet.allOf(Attack.class), RelayMutant.NONE)
                  .withSealed(false),
              line -> {});
      assertThat(r.passed()).as(r.lastLine()).isTrue();
    }
  }
}
