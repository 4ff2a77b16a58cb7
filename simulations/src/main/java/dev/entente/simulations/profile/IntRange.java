package dev.entente.simulations.profile;

import dev.entente.model.Check;
import dev.entente.simulations.random.Prng;

/**
 * An inclusive range {@code [min, max]} from which a profile draws one value per seed; {@code min
 * == max} fixes the value and still consumes its one draw, so fixing a knob never shifts the draws
 * after it. Immutable.
 */
public record IntRange(long min, long max) {
  /** Validates {@code min <= max}. */
  public IntRange {
    Check.argument(min <= max, "need min <= max, was %d > %d", min, max);
  }

  /** A range holding one value. */
  public static IntRange fixed(long value) {
    return new IntRange(value, value);
  }

  /** A uniform draw from the range, from a generator used for this draw alone. */
  public long draw(Prng child) {
    return child.between(min, max);
  }
}
