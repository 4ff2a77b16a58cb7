package dev.entente.simulations.sync;

import dev.entente.model.ReplicaId;

/** A message a protocol wants sent to {@code to}. Immutable. */
public record Outgoing(ReplicaId to, SyncMessage message) {}
