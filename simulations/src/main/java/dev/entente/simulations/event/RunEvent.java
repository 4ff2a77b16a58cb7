package dev.entente.simulations.event;

import dev.entente.impl.ApplyResult;
import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import java.util.List;

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

  /**
   * At {@code tick}, {@code replica} merged a state holding {@code changes} (in the order it
   * applied them): state gossip, or ({@code restart}) the restart of a crashed replica from its
   * durable state. The rest is its state right after, as in {@link Applied}.
   */
  record Merged(
      long tick,
      ReplicaId replica,
      boolean restart,
      List<Change> changes,
      long physicalMillis,
      HlcTimestamp clock,
      VersionVector vv,
      MaterialisedMap view)
      implements RunEvent {
    /** Copies. */
    public Merged {
      changes = List.copyOf(changes);
    }
  }

  /** At {@code tick}, {@code replica}'s process crashed; its durable state survives. */
  record Crashed(long tick, ReplicaId replica) implements RunEvent {}

  /** At {@code tick}, machine {@code name}'s physical clock jumped by {@code deltaMillis}. */
  record ClockStepped(long tick, String name, long deltaMillis) implements RunEvent {}
}
