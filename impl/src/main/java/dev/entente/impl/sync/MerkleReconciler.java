package dev.entente.impl.sync;

import dev.entente.impl.sync.merkle.MerkleConfig;
import dev.entente.impl.sync.merkle.MerkleSession;
import dev.entente.impl.sync.rbsr.SyncItems;
import java.util.SplittableRandom;

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
    byte[] salt = new byte[16];
    new SplittableRandom(seed ^ 0x3E4CL).nextBytes(salt);
    MerkleSession initiator = MerkleSession.initiator(a, salt, config);
    MerkleSession responder = MerkleSession.responder(b, config);
    Batches.Cost cost =
        Batches.run(
            initiator.start(),
            initiator::receive,
            responder::receive,
            () -> initiator.toSend().size(),
            () -> responder.toSend().size());
    long shared = Differences.check("Merkle sync", a, b, initiator.toSend(), responder.toSend());
    long missing = (long) initiator.toSend().size() + responder.toSend().size();
    return new ReconcileResult(
        "merkle",
        shared,
        missing,
        ReconcileResult.roundTrips(cost.batches()),
        cost.bytes(),
        cost.frames());
  }
}
