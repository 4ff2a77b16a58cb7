package dev.entente.impl.seal;

import dev.entente.impl.codec.Hash32;
import dev.entente.model.Check;
import dev.entente.model.ReplicaId;

/** What a wrapped epoch key is bound to: its document, epoch number, rotator and recipient. */
public record WrapContext(
    Hash32 document, long epochNumber, ReplicaId rotator, ReplicaId recipient) {
  /** Validates the parts. */
  public WrapContext {
    Check.argument(document != null && rotator != null && recipient != null, "null wrap context");
  }

  /** The canonical bytes of the context (the HKDF info and the AEAD associated data). */
  public byte[] encode() {
    return new Bytes.Writer()
        .raw(Bytes.ascii("entente/wrap/v1"))
        .raw(document.bytes())
        .u32(epochNumber)
        .id(rotator)
        .id(recipient)
        .finish();
  }
}
