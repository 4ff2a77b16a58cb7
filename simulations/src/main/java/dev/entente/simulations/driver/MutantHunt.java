package dev.entente.simulations.driver;

import dev.entente.model.check.CheckResult;
import dev.entente.model.check.Verdict;
import dev.entente.simulations.Mutant;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Tests the tester: runs a mutant over consecutive seeds of a profile until the simulator's
 * checkers fail a run, and reports which checkers caught it. Stateless.
 */
public final class MutantHunt {
  /** The outcome of hunting one mutant. */
  public record Catch(
      Mutant mutant,
      OptionalLong firstFailingSeed,
      int seedsRun,
      List<String> caughtBy,
      String lastLine) {
    /** Copies the list. */
    public Catch {
      caughtBy = List.copyOf(caughtBy);
    }

    /** True if some seed failed. */
    public boolean caught() {
      return firstFailingSeed.isPresent();
    }
  }

  private MutantHunt() {}

  /**
   * Runs {@code mutant} (with its {@link Mutant#requirements}) on seeds {@code firstSeed}, {@code
   * firstSeed + 1}, ... of {@code profile} until a run fails or {@code budget} seeds have passed.
   */
  public static Catch hunt(Mutant mutant, Profile profile, long firstSeed, int budget) {
    Overrides overrides = mutant.requirements(Overrides.NONE).withMutant(mutant);
    for (int i = 0; i < budget; i++) {
      long seed = firstSeed + i;
      SimulationRunner.Result r = SimulationRunner.run(profile.resolve(seed, overrides), l -> {});
      if (!r.passed()) {
        return new Catch(
            mutant, OptionalLong.of(seed), i + 1, failedCheckers(r.check()), r.lastLine());
      }
    }
    return new Catch(mutant, OptionalLong.empty(), budget, List.of(), "");
  }

  /** The names of the leaf checks that are not VALID. */
  static List<String> failedCheckers(CheckResult result) {
    List<String> out = new ArrayList<>();
    collect(result, out);
    return out;
  }

  private static void collect(CheckResult r, List<String> out) {
    if (r.verdict() == Verdict.VALID) {
      return;
    }
    if (r.parts().isEmpty()) {
      out.add(r.checker());
    }
    for (CheckResult p : r.parts()) {
      collect(p, out);
    }
  }
}
