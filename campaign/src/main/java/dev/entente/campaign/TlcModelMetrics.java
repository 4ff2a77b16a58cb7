package dev.entente.campaign;

import org.jspecify.annotations.Nullable;

/**
 * One TLC model's result ({@link TlcStep}). Immutable.
 *
 * @param spec the specification file
 * @param outcome TLC's outcome
 * @param expected the manifest's expected outcome
 * @param matches whether the outcome is the expected one
 * @param distinctStates distinct states found, or null if TLC did not say
 * @param statesGenerated states generated, or null if TLC did not say
 * @param depth the search depth, or null if TLC did not say
 */
public record TlcModelMetrics(
    String spec,
    String outcome,
    String expected,
    boolean matches,
    @Nullable Long distinctStates,
    @Nullable Long statesGenerated,
    @Nullable Long depth)
    implements Metrics {}
