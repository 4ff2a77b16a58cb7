package dev.entente.simulations.relay;

import java.util.List;

/**
 * One attack of the untrusted relay, as a part of the relay's behaviour: it may lose pushes and
 * pull responses, hide stored frames from a client, and alter what a pull serves. Every decision
 * comes from the run's seeded generator, so a run replays byte for byte. The relay consults every
 * active part only inside the attack window; outside it the relay is honest.
 */
interface RelayNemesis {
  /** True if the relay loses {@code client}'s push of {@code frame} (it is not acknowledged). */
  default boolean losesPush(int client, Frame frame, int round) {
    return false;
  }

  /** True if the relay loses {@code client}'s whole pull response this round. */
  default boolean losesPull(int client, int round) {
    return false;
  }

  /** True if the relay hides {@code stored} from {@code client} this round. */
  default boolean hides(StoredFrame stored, int client, int round) {
    return false;
  }

  /** What the relay serves instead of {@code served} (the frames it would honestly serve). */
  default List<Frame> alter(List<Frame> served, int client, int round) {
    return served;
  }
}
