package dev.entente.simulations.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.model.RegisterPolicy;
import dev.entente.simulations.Mutant;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.SimulationOptions;
import dev.entente.simulations.workload.WorkloadKind;
import org.junit.jupiter.api.Test;

/** What trace export refuses, and why: runs whose steps the trace spec cannot state. */
class TraceExporterScopeTest {
  @Test
  void rolloutRun_isRefused_namingTheRollout() {
    SimulationOptions rollout = Profile.ROLLOUT.resolve(1, Overrides.NONE);
    assertThat(rollout.workload().kind()).isEqualTo(WorkloadKind.ROLLOUT);

    assertThat(TraceExporter.unsupportedTraced(rollout))
        .hasValueSatisfying(why -> assertThat(why).contains("schema rollout"));
    assertThatThrownBy(() -> TraceExporter.run(rollout))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot export a trace: a schema rollout");
  }

  @Test
  void tracedSample_withoutRollout_isAccepted() {
    long accepted =
        java.util.stream.LongStream.range(0, 20)
            .filter(
                seed ->
                    TraceExporter.unsupportedTraced(
                            TraceExporter.tracedOptions(seed, RegisterPolicy.MV, Mutant.NONE))
                        .isEmpty())
            .count();
    assertThat(accepted).isPositive();
  }
}
