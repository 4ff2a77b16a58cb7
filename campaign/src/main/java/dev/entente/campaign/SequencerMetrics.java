package dev.entente.campaign;

import dev.entente.model.check.Verdict;

/**
 * One run of the sequencer experiment ({@link SequencerExperiment}). Immutable.
 *
 * @param linearizability the per-key linearizability verdict
 * @param writes writes invoked
 * @param writesAccepted writes that completed {@code :ok}
 * @param partitionWrites writes invoked while a partition was on
 * @param partitionWritesAccepted of them, accepted
 */
public record SequencerMetrics(
    SimRun run,
    Verdict linearizability,
    long writes,
    long writesAccepted,
    long partitionWrites,
    long partitionWritesAccepted)
    implements SimulatedMetrics {}
