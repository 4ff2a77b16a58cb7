package dev.entente.impl.sync;

import dev.entente.impl.sync.merkle.MerkleConfig;
import dev.entente.impl.sync.merkle.MerkleSession;
import dev.entente.impl.sync.rbsr.SyncItems;

/**
 * Runs Merkle-tree sync between two in-memory stores to completion, batch by batch, with the same
 * accounting as {@link RbsrReconciler}: the changes a side learns the peer lacks ride its next
 * batch, and a batch that carries only changes still counts. Checks that each side found exactly
 * what the other lacks.
 */
public final class MerkleReconciler {
  private MerkleReconciler() {}

  /** Reconciles the scenario's stores; the session salt derives from {@code seed}. */
  public static ReconcileResult run(ReconcileScenario s, MerkleConfig config, long seed) {
    SyncItems a = SyncItems.of(s.initiator());
    SyncItems b = SyncItems.of(s.responder());
    MerkleSession initiator = MerkleSession.initiator(a, Batches.salt(seed ^ 0x3E4CL), config);
    MerkleSession responder = MerkleSession.responder(b, config);
    return Batches.reconcile(
        "merkle",
        "Merkle sync",
        initiator.start(),
        new Batches.Party(a, initiator::receive, initiator::toSend),
        new Batches.Party(b, responder::receive, responder::toSend));
  }
}
