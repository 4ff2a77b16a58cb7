package dev.entente.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.model.RegisterPolicy;
import dev.entente.simulations.coverage.CompactionSimMark;
import dev.entente.simulations.driver.SimulationRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The compaction profile passes on a small CI seed range with every policy: replicas collect
 * garbage and compact to snapshots while one of them is away, it rejoins behind their horizon, and
 * every replica still converges to the oracle's map over the full history and to the map of the
 * same changes never compacted. {@code -Dentente.sim.compaction.seeds=N} widens the range (2 seeds
 * per policy by default).
 */
class CompactionProfileSimulationTest {
  private static final int SEEDS = Integer.getInteger("entente.sim.compaction.seeds", 2);

  @Test
  void compactionProfile_ciSeeds_allPassOnEveryPolicy() {
    List<String> failures = new ArrayList<>();
    Map<String, Long> marks = new TreeMap<>();
    for (RegisterPolicy policy : RegisterPolicy.values()) {
      for (long seed = 1; seed <= SEEDS; seed++) {
        SimulationOptions o = Profile.COMPACTION.resolve(seed, Overrides.NONE.withPolicy(policy));
        assertThat(o.compacting()).as(o.describe()).isTrue();
        SimulationRunner.Result r = SimulationRunner.run(o, line -> {});
        r.outcome().marks().forEach((k, v) -> marks.merge(k, v, Long::sum));
        if (!r.passed()) {
          failures.add(r.lastLine());
        }
      }
    }
    Map<String, Long> reached = new TreeMap<>();
    for (CompactionSimMark m : CompactionSimMark.values()) {
      reached.put(m.markName(), marks.getOrDefault(m.markName(), 0L));
    }
    System.out.println("compaction marks " + reached);
    assertThat(failures).isEmpty();
    assertThat(reached.get(CompactionSimMark.GC_COLLECTED_IN_RUN.markName())).isPositive();
    assertThat(reached.get(CompactionSimMark.SNAPSHOT_OFFERED.markName())).isPositive();
    assertThat(reached.get(CompactionSimMark.SNAPSHOT_MERGED.markName())).isPositive();
  }

  @Test
  void otherProfiles_doNotCompact() {
    assertThat(Profile.DEFAULT.resolve(1, Overrides.NONE).compacting()).isFalse();
    assertThat(Profile.LONG_OFFLINE.resolve(1, Overrides.NONE).compacting()).isFalse();
  }
}
