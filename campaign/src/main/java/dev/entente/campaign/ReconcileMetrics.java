package dev.entente.campaign;

/**
 * One in-memory set reconciliation of the reconcile experiment ({@link ReconcileExperiment}), as
 * {@code entente reconcile} measures it. Immutable.
 *
 * @param protocol the protocol as the command spells it ({@code bloom-keyed} for keyed Bloom)
 * @param items the items both stores share
 * @param missing the honest items only the responder holds
 * @param poisoned the mined ids a third party planted, 0 for none
 * @param poisonedClaimed how many mined ids the initiator's filter falsely claimed
 * @param roundTrips round trips to completion
 * @param bytes protocol bytes both ways, payloads of the missing changes left out
 * @param frames frames both ways
 */
public record ReconcileMetrics(
    String protocol,
    long items,
    long missing,
    int poisoned,
    int poisonedClaimed,
    int roundTrips,
    long bytes,
    int frames)
    implements Metrics {}
