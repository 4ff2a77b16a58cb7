package dev.entente.simulations.relay;

import dev.entente.impl.codec.Hash32;

/**
 * A client's evidence that the relay hid something: it held a verified signed head (or an envelope)
 * naming {@code missing} from round {@code heardRound} on and still could not get it from the relay
 * after its patience of completed pulls; or a member signed two different heads with one counter.
 *
 * @param client the index of the client that raised it
 * @param kind what was seen
 * @param missing the envelope hash the client could not get (for a head equivocation, the first
 *     head of the two)
 * @param heardRound the round the client learned of it
 * @param round the round the alarm was raised
 */
public record FreshnessAlarm(int client, Kind kind, Hash32 missing, int heardRound, int round) {
  /** What the alarm is about. */
  public enum Kind {
    /** The relay did not serve, within the patience, an envelope a member's head names. */
    MISSING_PAST,
    /** A member signed two different heads with one counter. */
    HEAD_EQUIVOCATION
  }
}
