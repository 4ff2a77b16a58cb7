package dev.entente.impl.clock;

import dev.entente.model.HlcTimestamp;
import java.util.Locale;

/**
 * A remote timestamp is further ahead of local physical time than the clock's maximum drift allows.
 * Accepting it would drag this replica's clock (and every timestamp it issues after) into the
 * future, so it is refused and the clock does not move.
 */
public final class ClockDriftException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient HlcTimestamp remote;
  private final long physicalMillis;
  private final long maxDriftMillis;

  /** Creates the exception with the values that make the case. */
  public ClockDriftException(HlcTimestamp remote, long physicalMillis, long maxDriftMillis) {
    super(
        String.format(
            Locale.ROOT,
            "remote timestamp %s is %d ms ahead of local physical time %d; at most %d ms allowed",
            remote,
            remote.wallMillis() - physicalMillis,
            physicalMillis,
            maxDriftMillis));
    this.remote = remote;
    this.physicalMillis = physicalMillis;
    this.maxDriftMillis = maxDriftMillis;
  }

  /** The refused timestamp. */
  public HlcTimestamp remote() {
    return remote;
  }

  /** Local physical time when it was refused. */
  public long physicalMillis() {
    return physicalMillis;
  }

  /** The drift limit in force. */
  public long maxDriftMillis() {
    return maxDriftMillis;
  }
}
