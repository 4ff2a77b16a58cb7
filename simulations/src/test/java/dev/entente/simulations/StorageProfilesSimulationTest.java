package dev.entente.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.model.RegisterPolicy;
import dev.entente.simulations.coverage.SimMark;
import dev.entente.simulations.driver.SimulationRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The storage-backed profiles pass on a small CI seed range with every policy: after crashes,
 * amnesia, torn writes, flipped bits and full disks no acknowledged write is lost, nothing that was
 * not acknowledged comes back, and the replicas converge to the oracle's map. {@code
 * -Dentente.sim.storage.seeds=N} widens the range (4 seeds per policy by default).
 */
class StorageProfilesSimulationTest {
  private static final int SEEDS = Integer.getInteger("entente.sim.storage.seeds", 4);

  static Stream<Profile> profiles() {
    return Stream.of(Profile.STORAGE_FAULTS, Profile.LONG_OFFLINE);
  }

  @ParameterizedTest
  @MethodSource("profiles")
  void storageProfile_ciSeeds_allPassOnEveryPolicy(Profile profile) {
    List<String> failures = new ArrayList<>();
    Map<String, Long> marks = new TreeMap<>();
    for (RegisterPolicy policy : RegisterPolicy.values()) {
      for (long seed = 1; seed <= SEEDS; seed++) {
        SimulationOptions o = profile.resolve(seed, Overrides.NONE.withPolicy(policy));
        assertThat(o.storageBacked()).as(o.describe()).isTrue();
        SimulationRunner.Result r = SimulationRunner.run(o, line -> {});
        r.outcome().marks().forEach((k, v) -> marks.merge(k, v, Long::sum));
        if (!r.passed()) {
          failures.add(r.lastLine());
        }
      }
    }
    System.out.println(profile.optionName() + " storage marks " + storageMarks(marks));
    assertThat(failures).isEmpty();
  }

  private static Map<String, Long> storageMarks(Map<String, Long> marks) {
    Map<String, Long> out = new TreeMap<>();
    for (SimMark m : SimMark.values()) {
      if (m.name().startsWith("STORAGE_")) {
        out.put(m.markName(), marks.getOrDefault(m.markName(), 0L));
      }
    }
    return out;
  }
}
