package dev.entente.impl.gc;

import dev.entente.model.Check;
import dev.entente.model.HlcTimestamp;

/**
 * What a map dropped in one garbage collection. Immutable.
 *
 * @param tombstones tombstones dropped (LWW tombstones; deletes in a collapsed causal group's view)
 * @param changes superseded causal-group changes dropped
 * @param tombstoneFloor the greatest timestamp of a dropped tombstone ({@link HlcTimestamp#ZERO} if
 *     none): an LWW write not after it could have lost to a dropped tombstone
 */
public record Swept(long tombstones, long changes, HlcTimestamp tombstoneFloor) {
  /** Nothing dropped. */
  public static final Swept NOTHING = new Swept(0, 0, HlcTimestamp.ZERO);

  /** Validates the counts. */
  public Swept {
    Check.argument(tombstones >= 0 && changes >= 0, "counts must be >= 0");
    Check.argument(tombstoneFloor != null, "tombstone floor must not be null");
  }
}
