package dev.entente.impl.trust;

import dev.entente.model.Check;
import dev.entente.model.ReplicaId;

/** One member of a document at some causal point: its device id, role and public key. */
public record Member(ReplicaId id, Role role, DevicePublicKey key) {
  /** Validates the parts. */
  public Member {
    Check.argument(id != null && role != null && key != null, "member parts must be non-null");
  }
}
