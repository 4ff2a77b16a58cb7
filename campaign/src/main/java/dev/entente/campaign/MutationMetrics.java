package dev.entente.campaign;

/**
 * One module's PIT mutation-testing result ({@code <module>/target/pit-reports/.../mutations.xml}).
 * Immutable.
 *
 * @param mutations mutations PIT made
 * @param detected of them, detected (killed, timed out or out of memory)
 * @param survived of them, survived a covering test
 * @param noCoverage of them, covered by no test
 */
public record MutationMetrics(long mutations, long detected, long survived, long noCoverage)
    implements Metrics {}
