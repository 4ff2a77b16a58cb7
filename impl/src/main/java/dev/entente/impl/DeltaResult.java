package dev.entente.impl;

import dev.entente.model.Change;
import dev.entente.model.Check;
import dev.entente.model.VersionVector;
import java.util.List;

/**
 * A replica's answer to a peer asking for the changes its version vector lacks ({@link
 * Replica#delta}). Immutable.
 */
public sealed interface DeltaResult permits DeltaResult.Changes, DeltaResult.BehindHorizon {
  /**
   * The changes the peer lacks, in the replica's delivery order.
   *
   * @param changes what to send
   */
  record Changes(List<Change> changes) implements DeltaResult {
    /** Copies the list. */
    public Changes {
      Check.argument(changes != null, "changes must not be null");
      changes = List.copyOf(changes);
    }
  }

  /**
   * The peer lacks changes this replica has compacted away: it is past the GC horizon and must
   * bootstrap from a snapshot ({@link Replica#snapshot()}) plus the tail ({@code tail}, the logged
   * changes it lacks), then re-offer the changes of its own that the snapshot does not hold ({@link
   * Replica#missingFrom}).
   *
   * @param horizon the replica's log horizon: changes at or below it may no longer be logged
   * @param remote the peer's version vector
   * @param tail the logged changes the peer lacks, in delivery order
   */
  record BehindHorizon(VersionVector horizon, VersionVector remote, List<Change> tail)
      implements DeltaResult {
    /** Copies the list. */
    public BehindHorizon {
      Check.argument(horizon != null && remote != null, "vectors must not be null");
      Check.argument(tail != null, "tail must not be null");
      tail = List.copyOf(tail);
    }
  }
}
