package dev.entente.campaign.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Number helpers shared by the aggregators: exact percentiles, rounding, and the one number format
 * used in both tables and findings (so the text always shows the table's figure). Stateless.
 */
public final class Stats {
  private Stats() {}

  /**
   * The exact {@code p}-th percentile of {@code values} by the nearest-rank method (the smallest
   * value with at least {@code p}% of the values at or below it); null if there are none.
   */
  public static @Nullable Long percentile(List<Long> values, double p) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  /** {@code a / b} rounded to 2 decimals; null if {@code b} is 0. */
  public static @Nullable Double ratio(long a, long b) {
    return b == 0 ? null : round2((double) a / b);
  }

  /** {@code x} rounded half-up to 2 decimals. */
  public static double round2(double x) {
    return Math.round(x * 100.0) / 100.0;
  }

  /** {@code part / whole} as a percentage rounded to 1 decimal; null if {@code whole} is 0. */
  public static @Nullable Double percent(long part, long whole) {
    return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
  }

  /**
   * A table cell or number as text: integers without decimals, other numbers with up to 2 decimals
   * (trailing zeros dropped), null as {@code n/a}.
   */
  public static String text(@Nullable Object v) {
    if (v == null) {
      return "n/a";
    }
    if (v instanceof Long || v instanceof Integer) {
      return v.toString();
    }
    if (v instanceof Double d) {
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) (double) d);
      }
      String s = String.format(Locale.ROOT, "%.2f", d);
      return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
    return v.toString();
  }

  /** {@code n} followed by {@code noun}, with an {@code s} unless {@code n} is 1. */
  public static String plural(long n, String noun) {
    return n + " " + (n == 1 ? noun : noun + "s");
  }
}
