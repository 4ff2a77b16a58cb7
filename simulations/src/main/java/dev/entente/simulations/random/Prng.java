package dev.entente.simulations.random;

import dev.entente.model.Check;
import java.util.List;

/**
 * The simulator's only source of randomness: xoshiro256** (Blackman and Vigna 2018) seeded through
 * SplitMix64 (Steele, Lea and Flood 2014), so that every seed, including 0, yields a well-mixed
 * state. Mutable, not thread-safe; a run is single-threaded.
 *
 * <p>Components never share a generator: each takes its own {@link #fork()} of the run's root in a
 * fixed order, so adding draws to one component does not shift another's stream.
 */
public final class Prng {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private long s0;
  private long s1;
  private long s2;
  private long s3;

  /** A generator whose state is four SplitMix64 outputs from {@code seed}. */
  public Prng(long seed) {
    long x = seed;
    x += GOLDEN_GAMMA;
    s0 = mix(x);
    x += GOLDEN_GAMMA;
    s1 = mix(x);
    x += GOLDEN_GAMMA;
    s2 = mix(x);
    x += GOLDEN_GAMMA;
    s3 = mix(x);
  }

  /** The next 64 uniformly distributed bits. */
  public long nextLong() {
    long result = Long.rotateLeft(s1 * 5, 7) * 9;
    long t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = Long.rotateLeft(s3, 45);
    return result;
  }

  /**
   * A uniform draw from {@code [0, bound)}, without modulo bias (rejection as in {@code
   * java.util.SplittableRandom}).
   */
  public long nextLong(long bound) {
    Check.argument(bound > 0, "bound must be > 0, was %d", bound);
    long m = bound - 1;
    if ((bound & m) == 0) {
      return nextLong() & m;
    }
    long u = nextLong() >>> 1;
    long r = u % bound;
    while (u + m - r < 0) {
      u = nextLong() >>> 1;
      r = u % bound;
    }
    return r;
  }

  /** A uniform draw from {@code [0, bound)}. */
  public int nextInt(int bound) {
    return (int) nextLong(bound);
  }

  /** A uniform draw from {@code [min, max]}, both inclusive. */
  public long between(long min, long max) {
    Check.argument(min <= max, "between needs min <= max, was [%d, %d]", min, max);
    return min + nextLong(max - min + 1);
  }

  /** True with probability {@code ratio}. Always draws exactly once, whatever the ratio. */
  public boolean chance(Ratio ratio) {
    return nextLong(ratio.denominator()) < ratio.numerator();
  }

  /** A uniformly chosen element of a non-empty list. */
  public <T> T pick(List<T> items) {
    Check.argument(!items.isEmpty(), "cannot pick from an empty list");
    return items.get(nextInt(items.size()));
  }

  /** A child generator seeded from this generator's next output. */
  public Prng fork() {
    return new Prng(nextLong());
  }

  private static long mix(long x) {
    long z = x;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
