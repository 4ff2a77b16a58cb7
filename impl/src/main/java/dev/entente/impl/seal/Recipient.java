package dev.entente.impl.seal;

import dev.entente.model.Check;
import dev.entente.model.ReplicaId;

/** A reader of an epoch: a member device and the X25519 key its epoch key is wrapped to. */
public record Recipient(ReplicaId id, AgreementPublicKey key) {
  /** Validates the parts. */
  public Recipient {
    Check.argument(id != null && key != null, "recipient parts must not be null");
  }
}
