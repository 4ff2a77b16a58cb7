package dev.entente.peers.cluster;

import dev.entente.model.VersionVector;

/**
 * A sync message in flight: the opaque bytes a peer produced, and what its sender had seen when it
 * produced them (the harness's own record, never shown to the receiver). Immutable.
 */
public record SyncPayload(byte[] bytes, VersionVector senderKnew) {
  /** Copies the bytes. */
  public SyncPayload {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The length in bytes. */
  public int size() {
    return bytes.length;
  }
}
