package dev.entente.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.model.RegisterPolicy;
import dev.entente.simulations.coverage.Marks;
import dev.entente.simulations.driver.SimulationRunner;
import dev.entente.simulations.sync.SyncKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The CI seed range reaches every coverage mark in {@link Marks#CATALOGUE}: a mark no seed hits is
 * a finding (the path is dead, or no profile drives it), not a pass. The range: seeds 1 to 8 of
 * every profile, seeds 1 and 2 of the default profile for every policy and sync variant, and seeds
 * 1 to 4 of the clock-skew profile with a 1 s drift guard (no profile's clocks stray far enough for
 * the default 60 s guard to refuse anything), and seeds 1 to 4 of the crashes profile under MV
 * (only causally delivering replicas hold changes back when they crash), and seed 9 of the
 * storage-faults profile (its flipped bit leaves a hole in the middle of a log). The per-mark table
 * is printed.
 */
class CoverageMarksSimulationTest {
  @Test
  void ciSeedRange_hitsEveryMark() {
    MarkSummary summary = MarkSummary.of(Marks.CATALOGUE, ciSeedRange());
    // The table goes to the build log, so every CI run shows how thinly each path is covered.
    summary
        .byMark()
        .forEach(
            (name, t) ->
                System.out.printf(
                    Locale.ROOT,
                    "mark %-40s runs=%d/%d hits=%d first-seed=%s%n",
                    name,
                    t.runsHit(),
                    summary.runs(),
                    t.hits(),
                    t.firstSeed().isPresent() ? t.firstSeed().getAsLong() : "-"));

    List<String> unreached = new ArrayList<>();
    for (String name : summary.unreached()) {
      unreached.add(name + ": " + Marks.CATALOGUE.byName(name).description());
    }
    assertThat(unreached).as("coverage marks no CI seed reaches").isEmpty();
  }

  private static List<SimulationOutcome> ciSeedRange() {
    List<SimulationOptions> runs = new ArrayList<>();
    for (Profile p : Profile.values()) {
      if (p.equals(Profile.COMPACTION)) {
        // Compaction runs reach CompactionMark's catalogue, which CompactionProfileSimulationTest
        // covers; this test's catalogue is Marks.CATALOGUE.
        continue;
      }
      for (long seed = 1; seed <= 8; seed++) {
        runs.add(p.resolve(seed, Overrides.NONE));
      }
    }
    for (RegisterPolicy policy : RegisterPolicy.values()) {
      for (SyncKind sync : SyncKind.values()) {
        for (long seed = 1; seed <= 2; seed++) {
          runs.add(Profile.DEFAULT.resolve(seed, Overrides.NONE.withPolicy(policy).withSync(sync)));
        }
      }
    }
    for (long seed = 1; seed <= 4; seed++) {
      runs.add(Profile.CLOCK_SKEW.resolve(seed, Overrides.NONE.withMaxDrift(1_000)));
      // Only causally delivering replicas hold changes back, so crashes must also meet MV.
      runs.add(Profile.CRASHES.resolve(seed, Overrides.NONE.withPolicy(RegisterPolicy.MV)));
    }
    // A flip that leaves later records behind a hole, so a restart sets their changes aside.
    runs.add(Profile.STORAGE_FAULTS.resolve(9, Overrides.NONE));
    List<SimulationOutcome> outcomes = new ArrayList<>();
    for (SimulationOptions o : runs) {
      outcomes.add(SimulationRunner.run(o, line -> {}).outcome());
    }
    return outcomes;
  }
}
