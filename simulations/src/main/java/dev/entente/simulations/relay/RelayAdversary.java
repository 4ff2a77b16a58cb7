package dev.entente.simulations.relay;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The relay's active attacks, composed: each decision asks every part, inside the attack window
 * only. The victims and start rounds of withhold, rollback and fork are drawn from the adversary's
 * generator when the run begins. Mutable (the parts keep their state).
 */
final class RelayAdversary {
  private final List<RelayNemesis> parts = new ArrayList<>();
  private final List<RelayNemesis> freshnessParts = new ArrayList<>();
  private final AdversaryContext ctx;
  private final int freshnessStart;
  private int withheldAuthor = -1;
  private int rolledBackClient = -1;

  /** The parts for {@code attacks}; {@code honest} are the indices of the honest clients. */
  RelayAdversary(AdversaryContext ctx, Set<Attack> attacks, List<Integer> honest) {
    this.ctx = ctx;
    int clients = ctx.clients().size();
    // Drawn whatever the attack set, so adding an attack never shifts another's draws.
    freshnessStart =
        ctx.start() + 2 + ctx.prng().nextInt(Math.max(1, (ctx.end() - ctx.start()) / 3));
    // Not the owner: withholding the owner's membership ops would stop anyone else joining.
    int victim = honest.get(1 + ctx.prng().nextInt(honest.size() - 1));
    boolean[] side = new boolean[clients];
    for (int i = 0; i < clients; i++) {
      side[i] = honest.indexOf(i) % 2 == 0;
    }
    for (Attack a : Attack.values()) {
      if (!attacks.contains(a)) {
        continue;
      }
      switch (a) {
        case DROP -> parts.add(AvailabilityAttacks.drop(ctx));
        case DELAY -> parts.add(AvailabilityAttacks.delay(ctx));
        case REORDER -> parts.add(AvailabilityAttacks.reorder(ctx));
        case REPLAY -> parts.add(AvailabilityAttacks.replay(ctx));
        case TAMPER -> parts.add(IntegrityAttacks.tamper(ctx));
        case FORGE -> parts.add(IntegrityAttacks.forge(ctx));
        case WITHHOLD -> {
          withheldAuthor = victim;
          freshnessParts.add(FreshnessAttacks.withhold(victim));
        }
        case ROLLBACK -> {
          rolledBackClient = victim;
          freshnessParts.add(FreshnessAttacks.rollback(victim, freshnessStart));
        }
        case FORK -> freshnessParts.add(FreshnessAttacks.fork(side, freshnessStart));
        case EQUIVOCATE -> {
          // A member's attack, not the relay's: the Byzantine client does it.
        }
      }
    }
  }

  /** True if {@code round} is inside the attack window. */
  boolean active(int round) {
    return round >= ctx.start() && round < ctx.end();
  }

  /** The round from which withhold, rollback and fork hide frames. */
  int freshnessStart() {
    return freshnessStart;
  }

  /** The client whose frames withhold hides, or -1. */
  int withheldAuthor() {
    return withheldAuthor;
  }

  /** The client rollback serves an old store to, or -1. */
  int rolledBackClient() {
    return rolledBackClient;
  }

  boolean losesPush(int client, Frame frame, int round) {
    boolean lost = false;
    for (RelayNemesis p : parts) {
      lost |= active(round) && p.losesPush(client, frame, round);
    }
    return lost;
  }

  boolean losesPull(int client, int round) {
    boolean lost = false;
    for (RelayNemesis p : parts) {
      lost |= active(round) && p.losesPull(client, round);
    }
    return lost;
  }

  boolean hides(StoredFrame stored, int client, int round) {
    boolean hidden = hidesForFreshness(stored, client, round);
    for (RelayNemesis p : parts) {
      hidden |= active(round) && p.hides(stored, client, round);
    }
    return hidden;
  }

  /** True if a freshness attack (withhold, rollback, fork; not delay) hides {@code stored}. */
  boolean hidesForFreshness(StoredFrame stored, int client, int round) {
    boolean hidden = false;
    for (RelayNemesis p : freshnessParts) {
      hidden |= active(round) && p.hides(stored, client, round);
    }
    return hidden;
  }

  List<Frame> alter(List<Frame> served, int client, int round) {
    List<Frame> out = served;
    for (RelayNemesis p : parts) {
      out = active(round) ? p.alter(out, client, round) : out;
    }
    return out;
  }
}
