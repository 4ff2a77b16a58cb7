package dev.entente.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The spread of a benchmark's measured samples (JMH's {@code rawData}, every fork's shots or
 * iterations pooled), in the benchmark's unit: the quartiles and the extremes. All {@code NaN} when
 * there are no samples. Immutable.
 *
 * @param min the smallest sample
 * @param p25 the first quartile (linear interpolation between closest ranks)
 * @param median the median
 * @param p75 the third quartile
 * @param max the largest sample
 */
public record Spread(double min, double p25, double median, double p75, double max) {
  /** No samples. */
  public static final Spread NONE =
      new Spread(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /** The spread of {@code samples}. */
  public static Spread of(List<Double> samples) {
    if (samples.isEmpty()) {
      return NONE;
    }
    double[] s = samples.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(s);
    return new Spread(
        s[0], quantile(s, 0.25), quantile(s, 0.5), quantile(s, 0.75), s[s.length - 1]);
  }

  /** True if there were samples. */
  public boolean known() {
    return !Double.isNaN(median);
  }

  /** This spread with every figure multiplied by {@code factor} (a unit change). */
  public Spread scaled(double factor) {
    return new Spread(min * factor, p25 * factor, median * factor, p75 * factor, max * factor);
  }

  private static double quantile(double[] sorted, double q) {
    double rank = q * (sorted.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = (int) Math.ceil(rank);
    return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
  }
}
