package dev.entente.impl.trust;

import dev.entente.impl.codec.Hash32;
import dev.entente.model.Check;
import dev.entente.model.ReplicaId;
import java.nio.charset.StandardCharsets;

/**
 * What every member knows about a document before its first change: a name, the owner's replica id
 * and the owner's public key (shared out of band, like an invitation link). Immutable.
 *
 * <p>The {@link #documentId()} is the SHA-256 of these three, so it is self-certifying: nobody can
 * present another owner key for the same document id, and every signature binds the document id.
 */
public record DocumentGenesis(String name, ReplicaId owner, DevicePublicKey ownerKey) {
  /** Validates the parts: a name of 1 to 256 characters, a non-null owner and key. */
  public DocumentGenesis {
    Check.argument(name != null, "document name must not be null");
    Check.argument(
        !name.isEmpty() && name.length() <= 256, "document name must have 1..256 characters");
    Check.argument(owner != null, "document owner must not be null");
    Check.argument(ownerKey != null, "document owner key must not be null");
  }

  /** The document id: SHA-256 over a domain tag, the name, the owner id and the owner key. */
  public Hash32 documentId() {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    byte[] ownerBytes = owner.value().getBytes(StandardCharsets.US_ASCII);
    return Hash32.sha256(
        "entente/document/v1".getBytes(StandardCharsets.US_ASCII),
        new byte[] {(byte) (nameBytes.length >>> 8), (byte) nameBytes.length},
        nameBytes,
        new byte[] {(byte) ownerBytes.length},
        ownerBytes,
        ownerKey.raw());
  }
}
