package dev.entente.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The report's one number format, so a value reads the same in HTML, Markdown and every run.
 *
 * <p>Integral values render without decimals and without grouping ({@code 1200}, never {@code
 * 1,200} or {@code 1200.0}); other values with at most three digits after the point, rounded half
 * up, trailing zeros dropped ({@code 812.5}, {@code 0.123}); a missing value ({@code null}) as an
 * em dash. The output never depends on the default locale. Stateless and thread-safe.
 */
public final class NumberFormats {
  /** What a missing value ({@code null}) renders as: an em dash, U+2014. */
  public static final String MISSING = "\u2014";

  /** The most digits after the decimal point that a rendered number shows. */
  public static final int MAX_DECIMALS = 3;

  private NumberFormats() {}

  /**
   * Formats {@code value} by the rules above.
   *
   * @param value the number, or {@code null} for a missing value
   * @return the text, never empty
   */
  public static String format(BigDecimal value) {
    if (value == null) {
      return MISSING;
    }
    BigDecimal rounded = value.setScale(MAX_DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros();
    if (rounded.signum() == 0) {
      // BigDecimal has no negative zero, but "-0.000" rounds here from tiny negatives: say 0.
      return "0";
    }
    return rounded.scale() <= 0 ? rounded.toBigInteger().toString() : rounded.toPlainString();
  }

  /**
   * Formats a double by the same rules; {@code null} is missing.
   *
   * @throws IllegalArgumentException if {@code value} is NaN or infinite (JSON has neither)
   */
  public static String format(Double value) {
    if (value == null) {
      return MISSING;
    }
    if (value.isNaN() || value.isInfinite()) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    return format(BigDecimal.valueOf(value));
  }
}
