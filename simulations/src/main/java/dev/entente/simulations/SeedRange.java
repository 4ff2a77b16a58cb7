package dev.entente.simulations;

import dev.entente.model.Check;

/**
 * A non-empty inclusive range of seeds {@code [first, last]}, written {@code A..B} (or one seed
 * {@code A}) on the command line. Immutable.
 */
public record SeedRange(long first, long last) {
  /** Validates {@code first <= last}. */
  public SeedRange {
    Check.argument(first <= last, "a seed range needs first <= last, was %d..%d", first, last);
  }

  /** The range holding one seed. */
  public static SeedRange of(long seed) {
    return new SeedRange(seed, seed);
  }

  /**
   * Parses {@code A..B} with {@code A <= B}, or {@code A}.
   *
   * @throws IllegalArgumentException naming the text
   */
  public static SeedRange parse(String text) {
    int dots = text.indexOf("..");
    long a;
    long b;
    try {
      a = Long.parseLong(dots < 0 ? text : text.substring(0, dots));
      b = dots < 0 ? a : Long.parseLong(text.substring(dots + 2));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(malformed(text), e);
    }
    if (a > b) {
      throw new IllegalArgumentException(malformed(text));
    }
    return new SeedRange(a, b);
  }

  private static String malformed(String text) {
    return "seeds must look like A..B with A <= B, was " + text;
  }

  /** The number of seeds. */
  public long size() {
    return last - first + 1;
  }
}
