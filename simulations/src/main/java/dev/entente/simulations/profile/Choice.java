package dev.entente.simulations.profile;

import dev.entente.model.Check;
import dev.entente.simulations.random.Prng;
import java.util.ArrayList;
import java.util.List;

/**
 * A weighted choice among option values, drawn once per seed. The options are laid out on a wheel
 * of {@code totalWeight} equally likely slots, dealt round-robin in list order: with weights {@code
 * op 3, state 3, delta 2} the wheel is {@code op state delta op state delta op state}. The draw
 * picks one slot uniformly, so equal weights of 1 are exactly a uniform pick from the list, and a
 * single option is a fixed value that still consumes its draw. Immutable.
 *
 * @param <T> the option type (an enum of the simulator)
 */
public record Choice<T>(List<Weighted<T>> options) {
  /** Wheels larger than this are refused: a profile is a hand-written file. */
  public static final int MAX_TOTAL_WEIGHT = 1_000;

  /** One option and how many slots of the wheel it takes. */
  public record Weighted<T>(T value, int weight) {
    /** Validates the weight. */
    public Weighted {
      Check.argument(value != null, "choice value must not be null");
      Check.argument(weight >= 1, "weight must be >= 1, was %d", weight);
    }
  }

  /** Copies and validates the options. */
  public Choice {
    options = List.copyOf(options);
    Check.argument(!options.isEmpty(), "a choice needs at least one option");
    long total = 0;
    for (Weighted<T> w : options) {
      total += w.weight();
    }
    Check.argument(
        total <= MAX_TOTAL_WEIGHT, "total weight must be <= %d, was %d", MAX_TOTAL_WEIGHT, total);
  }

  /** A choice that always yields {@code value}. */
  public static <T> Choice<T> fixed(T value) {
    return new Choice<>(List.of(new Weighted<>(value, 1)));
  }

  /** True if the choice has one option. */
  public boolean isFixed() {
    return options.size() == 1;
  }

  /** The wheel's slots in order (see the type's contract). */
  public List<T> wheel() {
    List<T> slots = new ArrayList<>();
    int[] left = new int[options.size()];
    for (int i = 0; i < left.length; i++) {
      left[i] = options.get(i).weight();
    }
    boolean dealt = true;
    while (dealt) {
      dealt = false;
      for (int i = 0; i < left.length; i++) {
        if (left[i] > 0) {
          slots.add(options.get(i).value());
          left[i]--;
          dealt = true;
        }
      }
    }
    return slots;
  }

  /** One slot of the wheel, drawn uniformly from a generator used for this draw alone. */
  public T draw(Prng child) {
    return child.pick(wheel());
  }
}
