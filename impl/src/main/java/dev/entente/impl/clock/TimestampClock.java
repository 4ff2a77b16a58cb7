package dev.entente.impl.clock;

import dev.entente.model.HlcTimestamp;

/**
 * Stamps local events and learns from remote ones. Three variants share this interface so that
 * experiments can swap them: {@link HybridLogicalClock}, {@link LamportClock} and {@link
 * WallClock}. Not thread-safe: a replica owns its clock.
 */
public interface TimestampClock {
  /**
   * A timestamp for a new local event. For the HLC and Lamport variants it is strictly greater than
   * every timestamp this clock returned or observed before.
   */
  HlcTimestamp now();

  /**
   * Learns a timestamp received from another replica, so that later local events are stamped after
   * it (HLC and Lamport; the wall clock ignores it).
   *
   * @throws ClockDriftException if the timestamp is further ahead of local physical time than the
   *     clock's maximum drift allows; the clock is then left unchanged
   */
  void observe(HlcTimestamp remote);

  /** The last timestamp this clock issued or observed, without advancing it. */
  HlcTimestamp current();
}
