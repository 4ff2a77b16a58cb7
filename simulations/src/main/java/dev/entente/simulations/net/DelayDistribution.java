package dev.entente.simulations.net;

import dev.entente.simulations.random.Prng;
import dev.entente.simulations.random.Ratio;

/** How a message's delay is drawn between the configured minimum and maximum. */
public enum DelayDistribution {
  /** Every delay in {@code [min, max]} equally likely. */
  UNIFORM {
    @Override
    public long draw(Prng prng, long min, long max) {
      return prng.between(min, max);
    }
  },
  /**
   * Geometric (the discrete exponential) with mean a quarter of the span above the minimum,
   * truncated at the maximum: mostly fast, with a long tail.
   */
  EXPONENTIAL {
    @Override
    public long draw(Prng prng, long min, long max) {
      long span = max - min;
      if (span == 0) {
        return min;
      }
      Ratio stop = Ratio.of(1, Math.max(1, span / 4));
      long d = 0;
      while (d < span && !prng.chance(stop)) {
        d++;
      }
      return min + d;
    }
  };

  /** A delay in {@code [min, max]} ticks. */
  public abstract long draw(Prng prng, long min, long max);

  /** The lowercase name used in options. */
  public String optionName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
