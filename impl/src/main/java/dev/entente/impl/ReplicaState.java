package dev.entente.impl;

import dev.entente.model.Change;
import dev.entente.model.ChangeSet;
import dev.entente.model.Check;
import dev.entente.model.RegisterPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A replica's durable state as it travels between replicas (full-state gossip) and to disk: the
 * register policy and the set of changes the replica has delivered, sorted by dot. Immutable.
 *
 * <p>The materialised map is derived from the changes, so it is not part of the state ("live CRDT
 * versus CRDT in storage"). Replica identity is not part of it either: two replicas that delivered
 * the same changes have equal states and equal encodings.
 *
 * <p>Invariants: changes sorted by dot, no two with the same dot.
 */
public record ReplicaState(RegisterPolicy policy, List<Change> changes) {
  /**
   * Validates and canonicalises: duplicates removed, sorted by dot. Changes already sorted by
   * strictly increasing dot (a replica's own state, a decoded one) are only checked and copied.
   */
  public ReplicaState {
    Check.argument(policy != null, "state policy must not be null");
    Check.argument(changes != null, "state changes must not be null");
    changes =
        SortedChanges.isStrictlySorted(changes)
            ? List.copyOf(changes)
            : List.copyOf(ChangeSet.of(changes).values());
  }

  /** A state holding the given changes (in any order, duplicates allowed). */
  public static ReplicaState of(RegisterPolicy policy, Collection<Change> changes) {
    return new ReplicaState(policy, new ArrayList<>(changes));
  }
}
