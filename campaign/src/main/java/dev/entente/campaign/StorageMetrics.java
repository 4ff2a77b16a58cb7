package dev.entente.campaign;

/**
 * One run of the storage experiment ({@link StorageExperiment}). Immutable.
 *
 * @param acknowledgedWrites writes that completed {@code :ok} (each durable when acknowledged)
 * @param unstoredWrites writes that failed because their commit failed ({@code :error :storage})
 * @param restarts machines restarted from their simulated disk
 * @param quarantined restarts that found a torn or flipped record and set it aside
 * @param logBytes bytes the first replica's change log takes at the end (records framed as on the
 *     simulated disk), the storage without GC
 * @param snapshotBytes bytes of that replica's snapshot after garbage collection at the final
 *     (fully stable) frontier, the storage with GC
 */
public record StorageMetrics(
    SimRun run,
    long acknowledgedWrites,
    long unstoredWrites,
    long restarts,
    long quarantined,
    long logBytes,
    long snapshotBytes)
    implements SimulatedMetrics {}
