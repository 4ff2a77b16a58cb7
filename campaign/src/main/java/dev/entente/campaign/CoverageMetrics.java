package dev.entente.campaign;

/**
 * One module's JaCoCo line and branch coverage ({@code <module>/target/site/jacoco/jacoco.csv},
 * summed over its classes). Immutable.
 *
 * @param linesCovered lines covered by the module's tests
 * @param linesMissed lines not covered
 * @param branchesCovered branches covered
 * @param branchesMissed branches not covered
 */
public record CoverageMetrics(
    long linesCovered, long linesMissed, long branchesCovered, long branchesMissed)
    implements Metrics {}
