package dev.entente.simulations.profile;

import dev.entente.simulations.random.Prng;
import dev.entente.simulations.random.Ratio;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Per-fault inclusion keyed by the fault's name: fault {@code n} is in the run if a generator
 * seeded with {@code base ^ StableHash.of(n)} says so with its chance. Each decision depends only
 * on the seed's one fault draw and the name, never on the other faults, their order or their
 * number: adding a fault kind to the simulator (or to a profile) never changes which of the old
 * faults an old seed runs with.
 */
public final class FaultDraw {
  private FaultDraw() {}

  /** True if the fault named {@code name} is included for {@code base} with {@code chance}. */
  public static boolean included(long base, String name, Ratio chance) {
    return new Prng(base ^ StableHash.of(name)).chance(chance);
  }

  /** The names in {@code chances} included for {@code base}, sorted. */
  public static Set<String> draw(long base, Map<String, Ratio> chances) {
    Set<String> out = new TreeSet<>();
    chances.forEach(
        (name, chance) -> {
          if (included(base, name, chance)) {
            out.add(name);
          }
        });
    return out;
  }
}
