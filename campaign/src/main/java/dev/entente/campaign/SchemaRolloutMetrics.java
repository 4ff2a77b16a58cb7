package dev.entente.campaign;

/**
 * One run of the schema rollout experiment ({@link SchemaRolloutExperiment}). Immutable.
 *
 * @param convergenceTicks ticks from the end of the safety phase to quiescence (-1 if never)
 * @param bytes bytes the network carried during the run
 * @param upgrades version upgrades the machines made
 * @param neverUpgraded machines that stayed on version 1
 * @param newerChangesAtOld changes written under a newer version than the replica holding them
 *     runs, summed over the final replicas (kept as written, to be read and forwarded)
 * @param opaqueAtOld keys those replicas show as opaque in their own view
 */
public record SchemaRolloutMetrics(
    SimRun run,
    long convergenceTicks,
    long bytes,
    long upgrades,
    long neverUpgraded,
    long newerChangesAtOld,
    long opaqueAtOld)
    implements SimulatedMetrics {}
