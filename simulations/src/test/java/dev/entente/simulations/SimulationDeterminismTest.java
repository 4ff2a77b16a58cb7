package dev.entente.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.model.RegisterPolicy;
import dev.entente.simulations.io.HistoryJsonl;
import dev.entente.simulations.run.Simulation;
import dev.entente.simulations.sync.SyncKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Same (seed, options) twice: same trace hash and byte-identical history. */
class SimulationDeterminismTest {
  private static final int SEEDS = 20;

  @ParameterizedTest
  @EnumSource(SyncKind.class)
  void run_sameSeedTwice_sameTraceAndHistoryBytes(SyncKind sync) {
    List<String> hashes = new ArrayList<>();
    for (long seed = 1; seed <= SEEDS; seed++) {
      RegisterPolicy policy = RegisterPolicy.values()[(int) (seed % 3)];
      Profile profile = seed % 2 == 0 ? Profile.DEFAULT : Profile.SWARM;
      SimulationOptions o = profile.resolve(seed, Overrides.NONE.withSync(sync).withPolicy(policy));
      SimulationOutcome a = Simulation.run(o);
      SimulationOutcome b = Simulation.run(o);
      assertThat(a.error()).as("seed %d", seed).isNull();
      assertThat(b.traceHash()).as("seed %d", seed).isEqualTo(a.traceHash());
      assertThat(HistoryJsonl.bytes(b.history()))
          .as("seed %d", seed)
          .isEqualTo(HistoryJsonl.bytes(a.history()));
      assertThat(a.history().size()).isGreaterThan(0);
      hashes.add(a.traceHash());
    }
    assertThat(hashes).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @EnumSource(SyncKind.class)
  void run_differentSeeds_differentTraces(SyncKind sync) {
    SimulationOutcome a = Simulation.run(Profile.DEFAULT.resolve(1, Overrides.NONE.withSync(sync)));
    SimulationOutcome b = Simulation.run(Profile.DEFAULT.resolve(2, Overrides.NONE.withSync(sync)));
    assertThat(a.traceHash()).isNotEqualTo(b.traceHash());
  }
}
