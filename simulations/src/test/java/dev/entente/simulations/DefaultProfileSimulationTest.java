package dev.entente.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.model.RegisterPolicy;
import dev.entente.simulations.driver.SimulationRunner;
import dev.entente.simulations.sync.SyncKind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The default profile passes on every policy and sync variant: the real CRDT converges. */
class DefaultProfileSimulationTest {
  /**
   * Seeds per variant: 30 in a plain build; {@code mvn verify -Plong-simulations} raises it (the
   * profile sets the {@code entente.sim.seeds} system property) for a longer soak.
   */
  private static final int SEEDS = Integer.getInteger("entente.sim.seeds", 30);

  static Stream<Arguments> variants() {
    List<Arguments> out = new ArrayList<>();
    for (RegisterPolicy p : RegisterPolicy.values()) {
      // The set-reconciliation kinds run a smaller seed range in ReconcileSyncSimulationTest.
      for (SyncKind s : List.of(SyncKind.OP, SyncKind.STATE, SyncKind.DELTA, SyncKind.SEQUENCER)) {
        out.add(Arguments.of(p, s));
      }
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("variants")
  void defaultProfile_everySeed_passes(RegisterPolicy policy, SyncKind sync) {
    List<String> failures = new ArrayList<>();
    for (long seed = 1; seed <= SEEDS; seed++) {
      SimulationOptions o =
          Profile.DEFAULT.resolve(seed, Overrides.NONE.withPolicy(policy).withSync(sync));
      SimulationRunner.Result r = SimulationRunner.run(o, line -> {});
      if (!r.passed()) {
        failures.add(r.lastLine());
      }
    }
    assertThat(failures).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("profiles")
  void otherProfiles_seeds1to10_allPass(Profile profile) {
    List<String> failures = new ArrayList<>();
    for (long seed = 1; seed <= 10; seed++) {
      SimulationRunner.Result r =
          SimulationRunner.run(profile.resolve(seed, Overrides.NONE), l -> {});
      if (!r.passed()) {
        failures.add(r.lastLine());
      }
    }
    assertThat(failures).isEmpty();
  }

  static Stream<Profile> profiles() {
    return Stream.of(
        Profile.CALM, Profile.PARTITIONS, Profile.CLOCK_SKEW, Profile.CRASHES, Profile.SWARM);
  }
}
