package dev.entente.campaign;

/**
 * One ratio row of the bench module's {@code ratios.json} ({@link BenchStep}). Immutable.
 *
 * @param label what is compared
 * @param params the JMH parameters, {@code k=v} sorted and comma-separated, or empty
 * @param subjectNanosPerOp the subject's time
 * @param baselineNanosPerOp the baseline's time
 * @param ratio subject over baseline
 * @param target the target, e.g. {@code <= 2x}, or {@code -}
 * @param verdict {@code met}, {@code missed} or {@code -}
 * @param subjectP25Nanos the subject's first quartile over its shots ({@code NaN} unless the
 *     benchmark ran in single-shot mode; the subject time is then the median)
 * @param subjectP75Nanos the subject's third quartile
 * @param baselineP25Nanos the baseline's first quartile
 * @param baselineP75Nanos the baseline's third quartile
 * @param subjectAllocBytesPerOp bytes the subject allocated per op (JMH's GC profiler), or {@code
 *     NaN}
 */
public record BenchRatioMetrics(
    String label,
    String params,
    double subjectNanosPerOp,
    double baselineNanosPerOp,
    double ratio,
    String target,
    String verdict,
    double subjectP25Nanos,
    double subjectP75Nanos,
    double baselineP25Nanos,
    double baselineP75Nanos,
    double subjectAllocBytesPerOp)
    implements Metrics {
  /** A row without spread or allocation figures. */
  public BenchRatioMetrics(
      String label,
      String params,
      double subjectNanosPerOp,
      double baselineNanosPerOp,
      double ratio,
      String target,
      String verdict) {
    this(
        label,
        params,
        subjectNanosPerOp,
        baselineNanosPerOp,
        ratio,
        target,
        verdict,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN);
  }
}
