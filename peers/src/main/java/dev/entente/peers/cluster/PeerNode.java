package dev.entente.peers.cluster;

import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import dev.entente.peers.protocol.PeerClient;
import java.util.function.LongSupplier;

/**
 * One replica of a peer cluster: its protocol client, its physical clock, and what the harness
 * knows it has seen. Under the {@code state} sync style a message carries everything its sender
 * has, so {@link #knowledge} is exactly the set of changes the replica has been given (its own and
 * those of every message it accepted). Mutable; owned by its {@link PeerCluster}.
 */
public final class PeerNode {
  final int slot;
  final ReplicaId id;
  final PeerClient client;
  final LongSupplier physicalMillis;
  VersionVector knowledge = VersionVector.EMPTY;

  PeerNode(int slot, ReplicaId id, PeerClient client, LongSupplier physicalMillis) {
    this.slot = slot;
    this.id = id;
    this.client = client;
    this.physicalMillis = physicalMillis;
  }

  /** The machine's slot. */
  public int slot() {
    return slot;
  }

  /** The replica id. */
  public ReplicaId id() {
    return id;
  }

  /** What this replica has been given: its writes and those of the messages it accepted. */
  public VersionVector knowledge() {
    return knowledge;
  }

  /** The protocol client (for its counters). */
  public PeerClient client() {
    return client;
  }
}
