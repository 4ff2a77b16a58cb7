package dev.entente.impl.sync;

import dev.entente.impl.codec.DecodeException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

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

  private Batches() {}

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
