package dev.entente.campaign;

import org.jspecify.annotations.Nullable;

/**
 * One run of the sync experiment ({@link SyncExperiment}). Immutable.
 *
 * @param changes changes made
 * @param messages messages sent over the whole run
 * @param bytes bytes sent over the whole run
 * @param convergenceTicks ticks from the final heal to quiescence, or null if it never converged
 */
public record SyncMetrics(
    SimRun run, long changes, long messages, long bytes, @Nullable Long convergenceTicks)
    implements SimulatedMetrics {}
