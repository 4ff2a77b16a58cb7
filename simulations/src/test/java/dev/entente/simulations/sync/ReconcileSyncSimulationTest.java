package dev.entente.simulations.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.model.RegisterPolicy;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.SimulationOptions;
import dev.entente.simulations.SimulationOutcome;
import dev.entente.simulations.driver.SimulationRunner;
import dev.entente.simulations.run.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The set-reconciliation sync kinds over the default profile's faults (loss, duplication,
 * reordering, partitions, crashes, pauses): every checker passes on a small seed range for every
 * policy, and a seed replays to the same trace. A smaller range than the other kinds' (test-time
 * budget); the campaign's reconcile experiment runs more.
 */
class ReconcileSyncSimulationTest {
  private static final int SEEDS = Integer.getInteger("entente.sim.reconcile.seeds", 2);

  @ParameterizedTest
  @EnumSource(
      value = SyncKind.class,
      names = {"RBSR", "MERKLE", "BLOOM"})
  void defaultProfile_reconcileKind_everyCheckerPasses(SyncKind sync) {
    List<String> failures = new ArrayList<>();
    for (RegisterPolicy policy : RegisterPolicy.values()) {
      for (long seed = 1; seed <= SEEDS; seed++) {
        SimulationOptions o =
            Profile.DEFAULT.resolve(seed, Overrides.NONE.withPolicy(policy).withSync(sync));
        SimulationRunner.Result r = SimulationRunner.run(o, line -> {});
        if (!r.passed()) {
          failures.add(r.lastLine());
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = SyncKind.class,
      names = {"RBSR", "MERKLE", "BLOOM"})
  void reconcileKind_sameSeedTwice_sameTrace(SyncKind sync) {
    SimulationOptions o = Profile.SWARM.resolve(3, Overrides.NONE.withSync(sync));
    SimulationOutcome a = Simulation.run(o);
    SimulationOutcome b = Simulation.run(o);
    assertThat(a.error()).isNull();
    assertThat(b.traceHash()).isEqualTo(a.traceHash());
    assertThat(b.history().ops()).containsExactlyElementsOf(a.history().ops());
  }
}
