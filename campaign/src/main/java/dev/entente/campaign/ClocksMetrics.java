package dev.entente.campaign;

import org.jspecify.annotations.Nullable;

/**
 * One run of the clocks experiment ({@link ClocksExperiment}). Immutable.
 *
 * @param valuesJudged shown values with exactly one writer
 * @param lostShown shown values that lose a causally later write
 * @param lostWrites distinct writes ever shown that way
 * @param resurrected shown values a causally later delete had removed
 * @param rejected remote timestamps the drift guard rejected
 * @param maxLeadMillis the largest lead of a local write's timestamp over its replica's physical
 *     clock, or null (Lamport clocks, or no local write)
 */
public record ClocksMetrics(
    SimRun run,
    long valuesJudged,
    long lostShown,
    long lostWrites,
    long resurrected,
    long rejected,
    @Nullable Long maxLeadMillis)
    implements SimulatedMetrics {}
