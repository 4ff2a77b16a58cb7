package dev.entente.simulations.schema;

import dev.entente.simulations.random.Prng;

/**
 * When each machine's application upgrades during a rollout: every slot starts on version 1 and
 * steps up one version at a time at seeded ticks inside the safety phase, up to its own final
 * version (1 in 4 never upgrade). A pure function of (seed, slot, tick), drawn from its own stream
 * so a rollout never shifts the run's other random draws. Immutable.
 */
public final class RolloutPlan {
  private static final long STREAM = 0x5C4E_3A11_0E1AL;

  private final long seed;
  private final long safetyEndTick;
  private final int latest;

  /** A plan for versions {@code 1..latest} over {@code [0, safetyEndTick)}. */
  public RolloutPlan(long seed, long safetyEndTick, int latest) {
    this.seed = seed;
    this.safetyEndTick = Math.max(1, safetyEndTick);
    this.latest = latest;
  }

  /** The version slot {@code slot} runs at {@code tick}. */
  public int versionAt(int slot, long tick) {
    long[] upgrades = upgrades(slot);
    int v = 1;
    for (long t : upgrades) {
      if (tick >= t) {
        v++;
      }
    }
    return v;
  }

  /** The version slot {@code slot} ends on. */
  public int finalVersion(int slot) {
    return 1 + upgrades(slot).length;
  }

  /** The ticks of the slot's upgrades, increasing. */
  long[] upgrades(int slot) {
    Prng prng = new Prng(seed ^ STREAM ^ (0x9E37_79B9_7F4A_7C15L * (slot + 1)));
    int target = prng.nextInt(4) == 0 ? 1 : 2 + prng.nextInt(latest - 1);
    long[] out = new long[target - 1];
    long t = 0;
    for (int i = 0; i < out.length; i++) {
      t += 1 + prng.nextLong(Math.max(1, safetyEndTick / latest));
      out[i] = t;
    }
    return out;
  }
}
