package dev.entente.simulations.net;

import dev.entente.model.ReplicaId;

/**
 * One message in flight: a network-wide id (copies made by duplication share it), the endpoints,
 * the payload, its encoded size in bytes and a short canonical label for the trace. Immutable.
 */
public record Envelope<M>(
    long id, ReplicaId from, ReplicaId to, M message, int bytes, String label) {
  @Override
  public String toString() {
    return "#" + id + " " + from + "->" + to + " " + label;
  }
}
