package dev.entente.simulations.relay;

import dev.entente.model.ReplicaId;

/** The ids of a relay run's clients: {@code c0} (the document's owner), {@code c1}, ... */
final class ReplicaIds {
  private ReplicaIds() {}

  static ReplicaId of(int index) {
    return ReplicaId.of("c" + index);
  }
}
