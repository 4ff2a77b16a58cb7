package dev.entente.campaign;

import org.jspecify.annotations.Nullable;

/**
 * One mutant hunt ({@link MutantsExperiment}). Immutable.
 *
 * @param breaks what the mutant breaks
 * @param caught whether some seed within the budget failed
 * @param seedsRun seeds run until caught or the budget ran out
 * @param budget the seed budget
 * @param caughtBy the checkers that caught it, comma-separated
 * @param firstFailingSeed the first failing seed, or null if it survived
 * @param replay the first failing run's replay command, or null if it survived
 */
public record MutantMetrics(
    String breaks,
    boolean caught,
    long seedsRun,
    long budget,
    String caughtBy,
    @Nullable Long firstFailingSeed,
    @Nullable String replay)
    implements Metrics {}
