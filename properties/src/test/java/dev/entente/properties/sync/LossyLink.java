package dev.entente.properties.sync;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.rbsr.RbsrSession;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A driver between two RBSR sessions over a network that loses, duplicates and reorders frames. A
 * lost frame is sent again later (the driver's retransmission); a frame may arrive twice; the next
 * frame to arrive is any in flight. Runs until nothing is in flight.
 */
final class LossyLink {
  private record InFlight(int to, byte[] frame, boolean copy) {}

  private final RbsrSession[] sides;
  private final SplittableRandom random;
  private final double loss;
  private final double duplication;
  private final List<InFlight> inFlight = new ArrayList<>();
  private final int frameLimit;
  private int deliveries;
  private int largest;

  LossyLink(
      RbsrSession a, RbsrSession b, long seed, double loss, double duplication, int frameLimit) {
    this.frameLimit = frameLimit;
    this.sides = new RbsrSession[] {a, b};
    this.random = new SplittableRandom(seed);
    this.loss = loss;
    this.duplication = duplication;
  }

  /** Sends the initiator's first frames and delivers until quiescence; returns deliveries. */
  int runToQuiescence() throws DecodeException {
    send(1, sides[0].start());
    while (!inFlight.isEmpty()) {
      InFlight m = inFlight.remove(random.nextInt(inFlight.size()));
      if (random.nextDouble() < loss) {
        inFlight.add(m); // lost on the wire; the sender's retransmission is in flight again
        continue;
      }
      if (!m.copy() && random.nextDouble() < duplication) {
        inFlight.add(new InFlight(m.to(), m.frame(), true));
      }
      deliveries++;
      send(1 - m.to(), sides[m.to()].receive(m.frame()));
    }
    return deliveries;
  }

  /** The largest frame sent so far. */
  int largest() {
    return largest;
  }

  private void send(int to, List<byte[]> frames) {
    for (byte[] f : frames) {
      if (f.length > frameLimit) {
        throw new AssertionError("a frame of " + f.length + " bytes over the limit " + frameLimit);
      }
      largest = Math.max(largest, f.length);
      inFlight.add(new InFlight(to, f, false));
    }
  }
}
