package dev.entente.simulations.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The relay-attack CI seed range: each attack alone, and all ten together, on seeds 1 to {@link
 * #SEEDS}, with plain envelopes and sealed ones; every run passes every relay checker.
 */
class RelayAttackRangeTest {
  static final int SEEDS = Integer.getInteger("entente.relay.seeds", 3);

  static Stream<Set<Attack>> attackSets() {
    List<Set<Attack>> sets = new ArrayList<>();
    sets.add(EnumSet.noneOf(Attack.class));
    for (Attack a : Attack.values()) {
      sets.add(EnumSet.of(a));
    }
    sets.add(EnumSet.allOf(Attack.class));
    return sets.stream();
  }

  @ParameterizedTest
  @MethodSource("attackSets")
  void ciSeedRange_underAttacks_passesEveryRelayChecker(Set<Attack> attacks) {
    List<String> failures = new ArrayList<>();
    for (long seed = 1; seed <= SEEDS; seed++) {
      for (boolean sealed : new boolean[] {false, true}) {
        RelayOptions o = RelayOptions.of(seed, attacks, RelayMutant.NONE).withSealed(sealed);
        RelayRunner.Result r = RelayRunner.run(o, line -> {});
        System.out.println(
            r.lastLine() + " sealed=" + sealed + " " + RelayRunner.stats(r.outcome()));
        if (!r.passed()) {
          failures.add(r.lastLine());
        }
      }
    }
    assertThat(failures).as("failing relay runs under %s", Attack.describe(attacks)).isEmpty();
  }
}
