package dev.entente.bench;

/**
 * A ratio to report: the time per op of {@code subject} divided by that of {@code baseline}, for
 * each parameter combination both were measured with. Both name a benchmark as {@code
 * SimpleClassName.method}; they are meant to come from the same class, so that they ran in the same
 * run under the same parameters. Immutable.
 *
 * <p>A ratio above 1 means the subject is slower than the baseline: {@code hlcNow /
 * currentTimeMillis = 1.05} is "HLC costs 1.05x the physical clock read", and {@code
 * pekkoLwwMapMerge / ententeMerge = 8} is "Entente merges 8x faster than Pekko".
 *
 * @param label what the ratio means, for the table
 * @param subject the numerator benchmark
 * @param baseline the denominator benchmark: the floor or the competitor
 * @param target the goal, or {@link Target#NONE}
 */
public record RatioSpec(String label, String subject, String baseline, Target target) {
  /** True if {@code benchmark} (a JMH full name) is {@code name} ({@code Class.method}). */
  static boolean names(String benchmark, String name) {
    return benchmark.equals(name) || benchmark.endsWith("." + name);
  }
}
