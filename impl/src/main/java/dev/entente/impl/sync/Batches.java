package dev.entente.impl.sync;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.rbsr.SyncId;
import dev.entente.impl.sync.rbsr.SyncItems;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The batch-by-batch driver the in-memory reconcilers share: every frame one side sends in a batch
 * reaches the other, whose answers form the next batch, until a batch is empty.
 */
final class Batches {
  /** One side: the frames it answers a frame with. */
  interface Side {
    List<byte[]> receive(byte[] frame) throws DecodeException;
  }

  /**
   * What the exchange cost.
   *
   * @param batches one-way batches sent
   * @param frames frames sent, both ways
   * @param bytes bytes of those frames
   */
  record Cost(int batches, int frames, long bytes) {}

  /**
   * One side of a fingerprint session (RBSR or Merkle) as {@link #reconcile} drives it.
   *
   * @param items the side's store
   * @param side how it answers a frame
   * @param toSend the ids it has learned the peer lacks, so far
   */
  record Party(SyncItems items, Side side, Supplier<SortedSet<SyncId>> toSend) {}

  private Batches() {}

  /** A 16-byte session salt drawn from {@code seed}. */
  static byte[] salt(long seed) {
    byte[] salt = new byte[16];
    new SplittableRandom(seed).nextBytes(salt);
    return salt;
  }

  /**
   * Runs a fingerprint session from the initiator's {@code first} batch to quiescence, checks that
   * each side found exactly what the other lacks ({@code label} names the protocol in a failure),
   * and reports the cost as {@code protocol}.
   */
  static ReconcileResult reconcile(
      String protocol, String label, List<byte[]> first, Party initiator, Party responder) {
    Cost cost =
        run(
            first,
            initiator.side(),
            responder.side(),
            () -> initiator.toSend().get().size(),
            () -> responder.toSend().get().size());
    SortedSet<SyncId> a = initiator.toSend().get();
    SortedSet<SyncId> b = responder.toSend().get();
    long shared = Differences.check(label, initiator.items(), responder.items(), a, b);
    long missing = (long) a.size() + b.size();
    return new ReconcileResult(
        protocol,
        shared,
        missing,
        ReconcileResult.roundTrips(cost.batches()),
        cost.bytes(),
        cost.frames());
  }

  /**
   * Delivers {@code first} to side 1, the answers to side 0, and so on until nothing is sent. A
   * side's {@code learned} counts the changes it found the peer lacks: if the last batch taught its
   * receiver any, they travel in one more batch, which counts too.
   */
  static Cost run(
      List<byte[]> first,
      Side initiator,
      Side responder,
      IntSupplier learnedA,
      IntSupplier learnedB) {
    Side[] sides = {initiator, responder};
    IntSupplier[] learned = {learnedA, learnedB};
    int before = 0;
    List<byte[]> batch = first;
    int to = 1;
    int batches = 0;
    int frames = 0;
    long bytes = 0;
    while (!batch.isEmpty()) {
      batches++;
      frames += batch.size();
      before = learned[to].getAsInt();
      List<byte[]> replies = new ArrayList<>();
      for (byte[] f : batch) {
        bytes += f.length;
        try {
          replies.addAll(sides[to].receive(f));
        } catch (DecodeException e) {
          throw new IllegalStateException("a session rejected its peer's frame: " + e, e);
        }
      }
      batch = replies;
      to = 1 - to;
    }
    // The loop ends after delivering to side 1 - to, which sent nothing back.
    if (batches > 0 && learned[1 - to].getAsInt() > before) {
      batches++;
    }
    return new Cost(batches, frames, bytes);
  }
}
