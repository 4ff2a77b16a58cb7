package dev.entente.campaign;

/** The metrics of a simulated run: its verdict and replay command, then the experiment's own. */
public sealed interface SimulatedMetrics extends Metrics
    permits ClocksMetrics,
        PoliciesMetrics,
        SyncMetrics,
        SequencerMetrics,
        StorageMetrics,
        SchemaRolloutMetrics,
        PeersMetrics {
  /** How the run ended. */
  SimRun run();
}
