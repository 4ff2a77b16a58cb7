package dev.entente.impl.sync;

import dev.entente.impl.sync.rbsr.RbsrConfig;
import dev.entente.impl.sync.rbsr.RbsrSession;
import dev.entente.impl.sync.rbsr.SyncItems;

/**
 * Runs RBSR between two in-memory stores to completion, batch by batch: every frame one side sends
 * in a batch reaches the other, whose answers form the next batch. Changes a side learns the peer
 * lacks ride its next batch (their payloads are not counted); a batch that carries only changes
 * still counts towards the round trips. Checks at the end that each side found exactly the changes
 * the other lacks, so that after the transfer both hold the union.
 */
public final class RbsrReconciler {
  private RbsrReconciler() {}

  /** Reconciles the scenario's stores; the session salt derives from {@code seed}. */
  public static ReconcileResult run(ReconcileScenario s, RbsrConfig config, long seed) {
    SyncItems a = SyncItems.of(s.initiator());
    SyncItems b = SyncItems.of(s.responder());
    RbsrSession initiator = RbsrSession.initiator(a, Batches.salt(seed ^ 0x5A17L), config);
    RbsrSession responder = RbsrSession.responder(b, config);
    return Batches.reconcile(
        "rbsr",
        "RBSR",
        initiator.start(),
        new Batches.Party(a, initiator::receive, initiator::toSend),
        new Batches.Party(b, responder::receive, responder::toSend));
  }
}
