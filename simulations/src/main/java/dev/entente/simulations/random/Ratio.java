package dev.entente.simulations.random;

import dev.entente.model.Check;

/**
 * A probability as an exact fraction {@code numerator / denominator}: the simulator never uses
 * floating point for chances, so a draw is the same on every JVM. Immutable.
 *
 * <p>Invariants: {@code 0 <= numerator <= denominator}, {@code denominator > 0}.
 */
public record Ratio(long numerator, long denominator) {
  /** Never. */
  public static final Ratio ZERO = new Ratio(0, 1);

  /** Always. */
  public static final Ratio ONE = new Ratio(1, 1);

  /** Validates the fraction. */
  public Ratio {
    Check.argument(denominator > 0, "ratio denominator must be > 0, was %d", denominator);
    Check.argument(
        numerator >= 0 && numerator <= denominator,
        "ratio numerator must be in [0, %d], was %d",
        denominator,
        numerator);
  }

  /** Shorthand for {@code new Ratio(numerator, denominator)}. */
  public static Ratio of(long numerator, long denominator) {
    return new Ratio(numerator, denominator);
  }

  /**
   * Parses {@code "n/d"}.
   *
   * @throws IllegalArgumentException if the text is not a valid ratio
   */
  public static Ratio parse(String text) {
    int slash = text.indexOf('/');
    Check.argument(slash > 0, "ratio must look like n/d, was %s", text);
    try {
      return new Ratio(
          Long.parseLong(text.substring(0, slash)), Long.parseLong(text.substring(slash + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("ratio must look like n/d, was " + text, e);
    }
  }

  /** True if this ratio is zero. */
  public boolean isZero() {
    return numerator == 0;
  }

  @Override
  public String toString() {
    return numerator + "/" + denominator;
  }
}
