package dev.entente.properties.sync;

import dev.entente.impl.codec.DecodeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A driver between two sync sides over a network that loses, duplicates and reorders messages, for
 * protocols whose side answers a message with at most one: a lost message is sent again later (the
 * transport's retransmission), a message may arrive twice, the next to arrive is any in flight.
 * Runs until nothing is in flight.
 */
final class MessageLink {
  /** One side: answers a message with at most one message. */
  interface Side {
    Optional<byte[]> receive(byte[] message) throws DecodeException;
  }

  private record InFlight(int to, byte[] message, boolean copy) {}

  private final Side[] sides;
  private final SplittableRandom random;
  private final double loss;
  private final double duplication;
  private final List<InFlight> inFlight = new ArrayList<>();

  MessageLink(Side a, Side b, long seed, double loss, double duplication) {
    this.sides = new Side[] {a, b};
    this.random = new SplittableRandom(seed);
    this.loss = loss;
    this.duplication = duplication;
  }

  /** Sends {@code first} to side b and delivers until quiescence; returns the deliveries. */
  int runToQuiescence(byte[] first) throws DecodeException {
    inFlight.add(new InFlight(1, first, false));
    int deliveries = 0;
    while (!inFlight.isEmpty()) {
      InFlight m = inFlight.remove(random.nextInt(inFlight.size()));
      if (random.nextDouble() < loss) {
        inFlight.add(m); // lost; the sender's retransmission is in flight again
        continue;
      }
      if (!m.copy() && random.nextDouble() < duplication) {
        inFlight.add(new InFlight(m.to(), m.message(), true));
      }
      deliveries++;
      sides[m.to()]
          .receive(m.message())
          .ifPresent(r -> inFlight.add(new InFlight(1 - m.to(), r, false)));
    }
    return deliveries;
  }
}
