package dev.entente.bench;

import java.util.Locale;

/**
 * A goal for a ratio, from issue 5: the ratio must be at most or at least a bound, or there is no
 * goal and the ratio is shown for information. Immutable.
 *
 * @param kind how the bound applies
 * @param bound the bound; ignored for {@link Kind#NONE}
 */
public record Target(Kind kind, double bound) {
  /** How a bound applies. */
  public enum Kind {
    AT_MOST,
    AT_LEAST,
    NONE
  }

  /** No goal: the ratio is for information. */
  public static final Target NONE = new Target(Kind.NONE, Double.NaN);

  /** The ratio must be at most {@code bound}. */
  public static Target atMost(double bound) {
    return new Target(Kind.AT_MOST, bound);
  }

  /** The ratio must be at least {@code bound}. */
  public static Target atLeast(double bound) {
    return new Target(Kind.AT_LEAST, bound);
  }

  /** True if {@code ratio} meets the goal; always true without one. */
  public boolean isMetBy(double ratio) {
    return switch (kind) {
      case AT_MOST -> ratio <= bound;
      case AT_LEAST -> ratio >= bound;
      case NONE -> true;
    };
  }

  /** {@code <= 1.10x}, {@code >= 5.00x} or {@code -}. */
  public String text() {
    return switch (kind) {
      case AT_MOST -> String.format(Locale.ROOT, "<= %.2fx", bound);
      case AT_LEAST -> String.format(Locale.ROOT, ">= %.2fx", bound);
      case NONE -> "-";
    };
  }
}
