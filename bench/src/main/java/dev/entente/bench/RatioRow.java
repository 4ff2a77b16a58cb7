package dev.entente.bench;

import java.util.SortedMap;

/**
 * One computed ratio: a {@link RatioSpec} at one parameter combination. Immutable.
 *
 * @param label the spec's label
 * @param subject the numerator benchmark's full name
 * @param baseline the denominator benchmark's full name
 * @param params the parameters both results share
 * @param subjectNanos the subject's time per op, ns
 * @param baselineNanos the baseline's time per op, ns
 * @param ratio {@code subjectNanos / baselineNanos}
 * @param ratioError a rough half-width for the ratio: the ratio times the sum of the two scores'
 *     relative errors (JMH's 99.9% intervals); {@code NaN} if JMH gave no interval for either
 * @param target the goal
 * @param subjectSpread the subject's samples in ns per op ({@link Spread#NONE} if unknown)
 * @param baselineSpread the baseline's samples in ns per op
 * @param subjectAllocBytes bytes the subject allocated per op (GC profiler), or {@code NaN}
 */
public record RatioRow(
    String label,
    String subject,
    String baseline,
    SortedMap<String, String> params,
    double subjectNanos,
    double baselineNanos,
    double ratio,
    double ratioError,
    Target target,
    Spread subjectSpread,
    Spread baselineSpread,
    double subjectAllocBytes) {
  /** True if the ratio meets its target (always true without one). */
  public boolean met() {
    return target.isMetBy(ratio);
  }

  /** {@code met}, {@code MISSED} or {@code -} when there is no target. */
  public String verdict() {
    if (target.kind() == Target.Kind.NONE) {
      return "-";
    }
    return met() ? "met" : "MISSED";
  }
}
