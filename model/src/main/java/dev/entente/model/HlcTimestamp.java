package dev.entente.model;

import java.util.Comparator;

/**
 * A timestamp: wall-clock milliseconds plus a logical counter, totally ordered by wall time then
 * counter. Immutable.
 *
 * <p>Every clock variant produces this type so that writes stay comparable: a hybrid logical clock
 * (Kulkarni et al. 2014) fills both parts; a plain wall clock leaves the counter at 0; a Lamport
 * clock puts its counter in {@code wallMillis} and leaves {@code logical} at 0. The counter is 16
 * bits wide, as in the paper's bounded-counter encoding, so that an HLC timestamp packs into 64
 * bits.
 */
public record HlcTimestamp(long wallMillis, int logical) implements Comparable<HlcTimestamp> {
  /** The largest logical counter. */
  public static final int MAX_LOGICAL = 0xFFFF;

  /** The smallest timestamp. */
  public static final HlcTimestamp ZERO = new HlcTimestamp(0, 0);

  private static final Comparator<HlcTimestamp> ORDER =
      Comparator.comparingLong(HlcTimestamp::wallMillis).thenComparingInt(HlcTimestamp::logical);

  /** Validates both parts: wall time {@code >= 0}, counter in {@code [0, MAX_LOGICAL]}. */
  public HlcTimestamp {
    Check.argument(wallMillis >= 0, "timestamp wall must be >= 0, was %d", wallMillis);
    Check.argument(
        logical >= 0 && logical <= MAX_LOGICAL,
        "timestamp logical must be in [0, %d], was %d",
        MAX_LOGICAL,
        logical);
  }

  @Override
  public int compareTo(HlcTimestamp other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return wallMillis + "." + logical;
  }
}
