package dev.entente.impl.sync;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.rbsr.RbsrConfig;
import dev.entente.impl.sync.rbsr.RbsrSession;
import dev.entente.impl.sync.rbsr.SyncItems;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

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
    byte[] salt = new byte[16];
    new SplittableRandom(seed ^ 0x5A17L).nextBytes(salt);
    RbsrSession[] sides = {
      RbsrSession.initiator(a, salt, config), RbsrSession.responder(b, config)
    };
    int[] sent = new int[2];
    int batches = 0;
    int frames = 0;
    long bytes = 0;
    List<byte[]> batch = sides[0].start();
    int sender = 0;
    while (!batch.isEmpty()) {
      batches++;
      frames += batch.size();
      bytes += batch.stream().mapToLong(f -> f.length).sum();
      sent[sender] = sides[sender].toSend().size();
      batch = deliver(sides[1 - sender], batch);
      sender = 1 - sender;
    }
    // The last receiver may have learned changes to send with no frame left to answer.
    if (sides[sender].toSend().size() > sent[sender]) {
      batches++;
    }
    long shared = Differences.check("RBSR", a, b, sides[0].toSend(), sides[1].toSend());
    long missing = (long) sides[0].toSend().size() + sides[1].toSend().size();
    return new ReconcileResult(
        "rbsr", shared, missing, ReconcileResult.roundTrips(batches), bytes, frames);
  }

  private static List<byte[]> deliver(RbsrSession receiver, List<byte[]> frames) {
    List<byte[]> replies = new ArrayList<>();
    for (byte[] frame : frames) {
      try {
        replies.addAll(receiver.receive(frame));
      } catch (DecodeException e) {
        throw new IllegalStateException("a session rejected its peer's frame: " + e, e);
      }
    }
    return replies;
  }

  /** Fails unless each side's {@code toSend} is what the other lacks; returns the shared count. */
}
