package dev.entente.simulations.sync;

import dev.entente.model.Change;
import dev.entente.model.ReplicaId;
import java.util.List;

/**
 * One replica's side of an anti-entropy protocol, sans-IO: it takes events (a local change, a timer
 * tick, a message) and returns the messages to send. It never touches the network or the clock.
 * Implementations: {@link OpPush}, {@link StateGossip}, {@link DeltaPull}; Merkle or range-based
 * reconciliation plug in here. Mutable, not thread-safe; a fresh instance is created whenever its
 * replica (re)starts, since protocol state is volatile.
 */
public interface AntiEntropy {
  /** The replica made {@code change} locally; {@code peers} are the live other replicas. */
  List<Outgoing> onLocalChange(Change change, List<ReplicaId> peers);

  /** The periodic sync timer fired. */
  List<Outgoing> onTick(List<ReplicaId> peers);

  /** A message arrived from {@code from}. */
  List<Outgoing> onMessage(ReplicaId from, SyncMessage message);

  /** Changes the protocol holds but has not delivered (its causal buffer), sorted by dot. */
  List<Change> held();
}
