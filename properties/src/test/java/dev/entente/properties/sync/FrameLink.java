package dev.entente.properties.sync;

import dev.entente.impl.codec.DecodeException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@link LossyLink}'s network for any protocol whose side answers a frame with a list of frames: a
 * lost frame is sent again later, a frame may arrive twice, the next to arrive is any in flight.
 * Runs until nothing is in flight.
 */
final class FrameLink {
  /** One side: the frames it answers a frame with. */
  interface Side {
    List<byte[]> receive(byte[] frame) throws DecodeException;
  }

  private record InFlight(int to, byte[] frame, boolean copy) {}

  private final Side[] sides;
  private final SplittableRandom random;
  private final double loss;
  private final double duplication;
  private final List<InFlight> inFlight = new ArrayList<>();
  private int largest;

  FrameLink(Side a, Side b, long seed, double loss, double duplication) {
    this.sides = new Side[] {a, b};
    this.random = new SplittableRandom(seed);
    this.loss = loss;
    this.duplication = duplication;
  }

  /** Sends {@code first} to side b and delivers until quiescence. */
  void runToQuiescence(List<byte[]> first) throws DecodeException {
    send(1, first);
    while (!inFlight.isEmpty()) {
      InFlight m = inFlight.remove(random.nextInt(inFlight.size()));
      if (random.nextDouble() < loss) {
        inFlight.add(m);
        continue;
      }
      if (!m.copy() && random.nextDouble() < duplication) {
        inFlight.add(new InFlight(m.to(), m.frame(), true));
      }
      send(1 - m.to(), sides[m.to()].receive(m.frame()));
    }
  }

  /** The largest frame sent. */
  int largest() {
    return largest;
  }

  private void send(int to, List<byte[]> frames) {
    for (byte[] f : frames) {
      largest = Math.max(largest, f.length);
      inFlight.add(new InFlight(to, f, false));
    }
  }
}
