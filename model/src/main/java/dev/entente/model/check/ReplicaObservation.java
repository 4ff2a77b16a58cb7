package dev.entente.model.check;

import dev.entente.model.Change;
import dev.entente.model.Check;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.ReplicaId;
import java.util.List;

/**
 * What one replica held and showed at one moment: the changes it had delivered and its materialised
 * map. The simulator takes these after every step and at the end of a run; the CRDT checkers judge
 * them. Immutable.
 */
public record ReplicaObservation(ReplicaId replica, List<Change> delivered, MaterialisedMap view) {
  /** Validates and copies. */
  public ReplicaObservation {
    Check.argument(replica != null, "observation replica must not be null");
    Check.argument(delivered != null, "observation of %s has no delivered list", replica);
    Check.argument(view != null, "observation of %s has no view", replica);
    delivered = List.copyOf(delivered);
  }
}
