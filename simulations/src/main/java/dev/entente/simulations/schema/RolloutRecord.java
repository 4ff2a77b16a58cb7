package dev.entente.simulations.schema;

import dev.entente.model.Change;
import dev.entente.model.schema.SchemaChain;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a rollout run leaves for its checkers: the chain, every change a client made (the full
 * history), the replicas at the end of the safety phase and at the end of the run, and the slots'
 * upgrade counts. {@link #NONE} for runs without a schema. Immutable.
 */
public record RolloutRecord(
    @Nullable SchemaChain chain,
    List<Change> authored,
    List<RolloutObservation> safety,
    List<RolloutObservation> finals,
    int upgrades,
    int neverUpgraded) {
  /** The record of a run without a schema. */
  public static final RolloutRecord NONE =
      new RolloutRecord(null, List.of(), List.of(), List.of(), 0, 0);

  /** Copies the lists. */
  public RolloutRecord {
    authored = List.copyOf(authored);
    safety = List.copyOf(safety);
    finals = List.copyOf(finals);
  }

  /** True for a rollout run. */
  public boolean active() {
    return chain != null;
  }
}
