package dev.entente.impl.sync;

import dev.entente.impl.sync.merkle.MerkleConfig;
import dev.entente.impl.sync.merkle.MerkleSession;
import dev.entente.impl.sync.rbsr.SyncId;
import dev.entente.impl.sync.rbsr.SyncItems;
import java.util.HashSet;
import java.util.Set;
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
    long shared = check(a, b, initiator.toSend(), responder.toSend());
    long missing = (long) initiator.toSend().size() + responder.toSend().size();
    return new ReconcileResult(
        "merkle",
        shared,
        missing,
        ReconcileResult.roundTrips(cost.batches()),
        cost.bytes(),
        cost.frames());
  }

  /** Fails unless each side's {@code toSend} is what the other lacks; returns the shared count. */
  static long check(SyncItems a, SyncItems b, Set<SyncId> sendA, Set<SyncId> sendB) {
    Set<SyncId> inA = ids(a);
    Set<SyncId> inB = ids(b);
    Set<SyncId> onlyA = new HashSet<>(inA);
    onlyA.removeAll(inB);
    Set<SyncId> onlyB = new HashSet<>(inB);
    onlyB.removeAll(inA);
    if (!sendA.equals(onlyA) || !sendB.equals(onlyB)) {
      throw new IllegalStateException("the protocol ended without finding every difference");
    }
    return inA.size() - onlyA.size();
  }

  private static Set<SyncId> ids(SyncItems items) {
    Set<SyncId> out = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      out.add(items.id(i));
    }
    return out;
  }
}
