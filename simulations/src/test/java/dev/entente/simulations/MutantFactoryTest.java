package dev.entente.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.simulations.cluster.ClusterFactory;
import dev.entente.simulations.compact.CompactionSeams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The mutant catalogue assembles replicas with the real factory, overriding one point each. */
class MutantFactoryTest {
  @Test
  void none_factory_isTheRealOne() {
    assertThat(Mutant.NONE.factory()).isSameAs(ClusterFactory.REAL);
  }

  @ParameterizedTest
  @EnumSource(value = Mutant.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
  void everyMutant_factory_replacesExactlyOnePointOfTheRealOne(Mutant mutant) {
    assertThat(replacedPoints(mutant.factory())).as(mutant.optionName()).hasSize(1);
  }

  private static List<String> replacedPoints(ClusterFactory f) {
    ClusterFactory real = ClusterFactory.REAL;
    List<String> out = new ArrayList<>();
    addIf(out, f.maps() != real.maps(), "maps");
    addIf(out, f.clocks() != real.clocks(), "clocks");
    addIf(out, f.causalBuffers() != real.causalBuffers(), "causalBuffers");
    addIf(out, f.changesSince() != real.changesSince(), "changesSince");
    addIf(out, f.protocols() != real.protocols(), "protocols");
    addIf(out, f.sequencers() != real.sequencers(), "sequencers");
    addIf(out, f.disks() != real.disks(), "disks");
    addIf(out, f.schema() != real.schema(), "schema");
    CompactionSeams c = f.compaction();
    CompactionSeams realC = real.compaction();
    addIf(out, c.gcPolicy() != realC.gcPolicy(), "compaction.gcPolicy");
    addIf(out, c.snapshots() != realC.snapshots(), "compaction.snapshots");
    addIf(out, c.joins() != realC.joins(), "compaction.joins");
    addIf(out, c.restores() != realC.restores(), "compaction.restores");
    return out;
  }

  private static void addIf(List<String> out, boolean replaced, String point) {
    if (replaced) {
      out.add(point);
    }
  }
}
