package dev.entente.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spec grid experiments build their runs from. */
class VariantRunsTest {
  @Test
  void specs_twoVariantsTwoSeeds_areVariantMajorInSeedOrder() {
    SimulatedExperiment.Variant v =
        new SimulatedExperiment.Variant(Profile.DEFAULT, Overrides.NONE);

    List<RunSpec> specs = VariantRuns.specs("x", List.of("a", "b"), v, 5, 2);

    assertThat(specs)
        .extracting(s -> s.variant() + "/" + s.seed())
        .containsExactly("a/5", "a/6", "b/5", "b/6");
    assertThat(specs).allSatisfy(s -> assertThat(s.experiment()).isEqualTo("x"));
  }
}
