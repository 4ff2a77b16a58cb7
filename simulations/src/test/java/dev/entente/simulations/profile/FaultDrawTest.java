package dev.entente.simulations.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.random.Prng;
import dev.entente.simulations.random.Ratio;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The swarm's fault draw is keyed by name: adding a fault never changes an old seed's faults. */
class FaultDrawTest {
  private static final Ratio HALF = Ratio.of(1, 2);

  @Test
  void draw_withAnExtraHypotheticalFault_drawsTheSameSetOfTheExistingFaults() {
    Map<String, Ratio> today = new LinkedHashMap<>();
    for (FaultKind k : FaultKind.values()) {
      today.put(k.optionName(), HALF);
    }
    Map<String, Ratio> tomorrow = new LinkedHashMap<>();
    tomorrow.put("disk-corruption", HALF);
    tomorrow.putAll(today);
    tomorrow.put("byzantine-replica", Ratio.of(1, 3));
    boolean extraEverDrawn = false;
    Prng bases = new Prng(8);
    for (int run = 0; run < 500; run++) {
      long base = bases.nextLong();
      Set<String> before = FaultDraw.draw(base, today);
      Set<String> after = new TreeSet<>(FaultDraw.draw(base, tomorrow));
      extraEverDrawn |= after.remove("disk-corruption") | after.remove("byzantine-replica");
      assertThat(after).as("base %d", base).isEqualTo(before);
    }
    assertThat(extraEverDrawn).as("the extra faults are really drawn").isTrue();
  }

  @Test
  void faultSpecDraw_isTheNameKeyedDraw_whateverTheMapOrder() {
    Map<FaultKind, Ratio> chances = new LinkedHashMap<>();
    Map<String, Ratio> byName = new LinkedHashMap<>();
    for (FaultKind k : FaultKind.values()) {
      chances.put(k, HALF);
      byName.put(k.optionName(), HALF);
    }
    FaultSpec spec = FaultSpec.drawn(chances);
    for (long base = -50; base < 50; base++) {
      Set<String> names = new TreeSet<>();
      spec.draw(base).forEach(k -> names.add(k.optionName()));
      assertThat(names).isEqualTo(FaultDraw.draw(base, byName));
    }
  }

  @Test
  void draw_chanceOneHalf_includesRoughlyHalfOfTheFaults() {
    Map<String, Ratio> all = new LinkedHashMap<>();
    for (FaultKind k : FaultKind.values()) {
      all.put(k.optionName(), HALF);
    }
    long included = 0;
    int runs = 400;
    for (long base = 0; base < runs; base++) {
      included += FaultDraw.draw(base * 0x9e3779b97f4a7c15L, all).size();
    }
    long expected = runs * FaultKind.values().length / 2;
    assertThat(included).isBetween(expected * 9 / 10, expected * 11 / 10);
  }

  @Test
  void stableHash_ofAName_isPinned() {
    // SHA-256("crash") begins cdb2e0d0f873ce53 (printf crash | sha256sum); pinned so no JVM or
    // release moves it.
    assertThat(StableHash.of("crash")).isEqualTo(0xcdb2e0d0f873ce53L);
  }
}
