package dev.entente.simulations.relay;

import dev.entente.simulations.random.Ratio;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The attacks that cost time but no integrity: drop, delay, reorder and replay. A client survives
 * them by retrying unacknowledged pushes (in order), waiting for links, and ignoring duplicates.
 */
final class AvailabilityAttacks {
  private AvailabilityAttacks() {}

  /** Loses one push in four (the client retries) and one pull response in five. */
  static RelayNemesis drop(AdversaryContext ctx) {
    return new RelayNemesis() {
      @Override
      public boolean losesPush(int client, Frame frame, int round) {
        return ctx.prng().chance(Ratio.of(1, 4));
      }

      @Override
      public boolean losesPull(int client, int round) {
        return ctx.prng().chance(Ratio.of(1, 5));
      }
    };
  }

  /** Shows each stored frame one or two rounds after it was stored (drawn once per frame). */
  static RelayNemesis delay(AdversaryContext ctx) {
    Map<StoredFrame, Integer> delays = new HashMap<>();
    return new RelayNemesis() {
      @Override
      public boolean hides(StoredFrame stored, int client, int round) {
        int d = delays.computeIfAbsent(stored, s -> 1 + ctx.prng().nextInt(2));
        return round < stored.round() + d;
      }
    };
  }

  /** Serves the frames of each pull in a shuffled order. */
  static RelayNemesis reorder(AdversaryContext ctx) {
    return new RelayNemesis() {
      @Override
      public List<Frame> alter(List<Frame> served, int client, int round) {
        List<Frame> out = new ArrayList<>(served);
        for (int i = out.size() - 1; i > 0; i--) {
          int j = ctx.prng().nextInt(i + 1);
          Frame t = out.get(i);
          out.set(i, out.get(j));
          out.set(j, t);
        }
        return out;
      }
    };
  }

  /** Serves up to three frames this client was served before again: stale heads, duplicates. */
  static RelayNemesis replay(AdversaryContext ctx) {
    Map<Integer, List<Frame>> history = new HashMap<>();
    return new RelayNemesis() {
      @Override
      public List<Frame> alter(List<Frame> served, int client, int round) {
        List<Frame> before = history.computeIfAbsent(client, c -> new ArrayList<>());
        List<Frame> out = new ArrayList<>(served);
        int n = before.isEmpty() ? 0 : ctx.prng().nextInt(4);
        for (int i = 0; i < n; i++) {
          out.add(before.get(ctx.prng().nextInt(before.size())));
        }
        before.addAll(served);
        return out;
      }
    };
  }
}
