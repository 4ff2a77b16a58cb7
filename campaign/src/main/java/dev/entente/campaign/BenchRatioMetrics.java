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
 */
public record BenchRatioMetrics(
    String label,
    String params,
    double subjectNanosPerOp,
    double baselineNanosPerOp,
    double ratio,
    String target,
    String verdict)
    implements Metrics {}
