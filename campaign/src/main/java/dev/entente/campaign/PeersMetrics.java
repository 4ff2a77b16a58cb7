package dev.entente.campaign;

/**
 * One run of the peers experiment ({@link PeersExperiment}): one peer under one seed's schedule and
 * faults. The counts are pure functions of the seed (for a deterministic peer); the three times are
 * real nanoseconds, measured on the machine that ran the campaign. Immutable.
 *
 * @param version what the peer said it is in {@code init_ok} ({@code name version})
 * @param failure the first failing verdict ({@code checker: explanation}), or empty
 * @param converged whether every replica had the same knowledge and map within the budget
 * @param calendarAnomalies reads that showed an event ending before it starts
 * @param changes local changes made (transacts acknowledged)
 * @param messages sync messages the replicas produced
 * @param messageBytes their bytes on the wire
 * @param applyCalls transacts and sync-ins answered
 * @param applyRoundTripNanos what the harness waited for them in all
 * @param applyPeerNanos what the peer reported spending inside them ({@code nanos})
 * @param noOpRoundTripNanos the median round trip of a call that does nothing (an empty replica's
 *     state), -1 if it could not be measured
 */
public record PeersMetrics(
    SimRun run,
    String version,
    String failure,
    boolean converged,
    long calendarAnomalies,
    long changes,
    long messages,
    long messageBytes,
    long applyCalls,
    long applyRoundTripNanos,
    long applyPeerNanos,
    long noOpRoundTripNanos)
    implements SimulatedMetrics {}
