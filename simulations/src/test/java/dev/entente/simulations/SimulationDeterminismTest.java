package dev.entente.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.model.RegisterPolicy;
import dev.entente.simulations.run.Simulation;
import dev.entente.simulations.sync.SyncKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Same (seed, options) twice: same trace hash and an equal history, op for op and in order. That
 * equal histories write equal bytes is the writers' contract, tested in the {@code histories}
 * module.
 */
class SimulationDeterminismTest {
  private static final int SEEDS = 20;

  @ParameterizedTest
  @EnumSource(
      value = SyncKind.class,
      names = {"OP", "STATE", "DELTA", "SEQUENCER"})
  void run_sameSeedTwice_sameTraceAndEqualHistory(SyncKind sync) {
    List<String> hashes = new ArrayList<>();
    for (long seed = 1; seed <= SEEDS; seed++) {
      RegisterPolicy policy = RegisterPolicy.values()[(int) (seed % 3)];
      Profile profile = seed % 2 == 0 ? Profile.DEFAULT : Profile.SWARM;
      SimulationOptions o = profile.resolve(seed, Overrides.NONE.withSync(sync).withPolicy(policy));
      SimulationOutcome a = Simulation.run(o);
      SimulationOutcome b = Simulation.run(o);
      assertThat(a.error()).as("seed %d", seed).isNull();
      assertThat(b.traceHash()).as("seed %d", seed).isEqualTo(a.traceHash());
      assertThat(b.history().ops())
          .as("seed %d", seed)
          .containsExactlyElementsOf(a.history().ops());
      assertThat(a.history().size()).isGreaterThan(0);
      hashes.add(a.traceHash());
    }
    assertThat(hashes).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @EnumSource(
      value = SyncKind.class,
      names = {"OP", "STATE", "DELTA", "SEQUENCER"})
  void run_differentSeeds_differentTraces(SyncKind sync) {
    SimulationOutcome a = Simulation.run(Profile.DEFAULT.resolve(1, Overrides.NONE.withSync(sync)));
    SimulationOutcome b = Simulation.run(Profile.DEFAULT.resolve(2, Overrides.NONE.withSync(sync)));
    assertThat(a.traceHash()).isNotEqualTo(b.traceHash());
  }
}
