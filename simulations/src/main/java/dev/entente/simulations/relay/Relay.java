package dev.entente.simulations.relay;

import dev.entente.impl.codec.Hash32;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The untrusted relay of one document: it stores the frames clients push and serves each client the
 * stored frames whose ids it does not list as held. It sees only the document, opaque ids, sizes,
 * who pushed and when; its {@link RelayAdversary} decides how it misbehaves. Every byte it stores
 * and forwards goes to the {@link RelayLog}. Mutable.
 */
final class Relay {
  private final List<StoredFrame> store;
  private final Set<Hash32> ids = new HashSet<>();
  private final RelayLog log = new RelayLog();
  private final RelayAdversary adversary;

  /** A relay over {@code store} (shared with the adversary's context, which reads it). */
  Relay(List<StoredFrame> store, RelayAdversary adversary) {
    this.store = store;
    this.adversary = adversary;
  }

  /** Stores {@code frame} from {@code client}; true if acknowledged (it may have been lost). */
  boolean push(int client, Frame frame, int round) {
    if (adversary.losesPush(client, frame, round)) {
      return false;
    }
    if (ids.add(frame.id())) {
      store.add(new StoredFrame(frame, client, round));
      log.stored(frame);
    }
    return true;
  }

  /**
   * The frames served to {@code client}, which holds {@code held}; empty if the response was lost.
   */
  Optional<List<Frame>> pull(int client, Set<Hash32> held, int round) {
    if (adversary.losesPull(client, round)) {
      return Optional.empty();
    }
    List<Frame> honest = new ArrayList<>();
    for (StoredFrame s : store) {
      if (!held.contains(s.frame().id()) && !adversary.hides(s, client, round)) {
        honest.add(s.frame());
      }
    }
    List<Frame> served = adversary.alter(honest, client, round);
    served.forEach(log::forwarded);
    return Optional.of(served);
  }

  /** The frames a freshness attack hides from {@code client} in {@code round}. */
  List<StoredFrame> hiddenForFreshness(int client, int round) {
    List<StoredFrame> out = new ArrayList<>();
    for (StoredFrame s : store) {
      if (adversary.hidesForFreshness(s, client, round)) {
        out.add(s);
      }
    }
    return out;
  }

  /** Everything stored and forwarded so far. */
  RelayLog log() {
    return log;
  }

  /** Number of frames stored. */
  int storedFrames() {
    return store.size();
  }
}
