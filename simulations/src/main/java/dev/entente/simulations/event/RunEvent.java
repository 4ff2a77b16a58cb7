package dev.entente.simulations.event;

import dev.entente.impl.ApplyResult;
import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;

/**
 * A typed record of something the simulator did, kept (when the run keeps its trace) for readers
 * that need the implementation's state at each step, such as the trace exporter. Never hashed: a
 * run's trace hash does not depend on them. Immutable.
 */
public sealed interface RunEvent {
  /** A machine joined the cluster with a physical clock of fixed {@code skew} and {@code drift}. */
  record MachineAdded(String name, long skewMillis, long driftPpm) implements RunEvent {}

  /** At {@code tick}, a replica made {@code change} locally (a client write that completed ok). */
  record LocalWrite(long tick, Change change) implements RunEvent {}

  /**
   * At {@code tick}, {@code replica} got {@code result} for a remote change; the rest is its state
   * right after: physical time, timestamp clock, version vector and materialised map.
   */
  record Applied(
      long tick,
      ReplicaId replica,
      ApplyResult result,
      long physicalMillis,
      HlcTimestamp clock,
      VersionVector vv,
      MaterialisedMap view)
      implements RunEvent {}
}
