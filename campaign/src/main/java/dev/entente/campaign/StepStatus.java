package dev.entente.campaign;

import org.jspecify.annotations.Nullable;

/**
 * How a step that is not a simulation went (TLC, benchmarks): the record with variant {@value
 * #VARIANT}. Immutable.
 *
 * @param status {@code ran}, {@code skipped}, {@code unavailable} or {@code failed}
 * @param reason why, in a sentence (for a failure, with the whole stack trace)
 * @param mode how the step ran, e.g. {@code BenchRunner --tiny}, or null
 */
public record StepStatus(String status, @Nullable String reason, @Nullable String mode)
    implements Metrics {
  /** The variant of a step's status record. */
  public static final String VARIANT = "status";
}
