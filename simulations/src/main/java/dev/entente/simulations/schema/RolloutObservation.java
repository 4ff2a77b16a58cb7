package dev.entente.simulations.schema;

import dev.entente.model.Change;
import dev.entente.model.ReplicaId;
import dev.entente.model.schema.VersionedView;
import java.util.List;

/**
 * One replica at one moment of a rollout: the version it runs, its log, its own view (at its own
 * version, with the lenses it knows: the chain up to that version) and its views at every version
 * of the full chain. Immutable.
 *
 * @param views {@code views.get(v - 1)} is the view at version {@code v}
 */
public record RolloutObservation(
    ReplicaId replica,
    int version,
    List<Change> log,
    VersionedView own,
    List<VersionedView> views) {
  /** Copies the lists. */
  public RolloutObservation {
    log = List.copyOf(log);
    views = List.copyOf(views);
  }
}
