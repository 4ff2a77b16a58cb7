package dev.entente.impl.seal;

import dev.entente.impl.codec.Hash32;

/**
 * An epoch this device can read: the rotation's public facts and the keys derived from its secret.
 * Immutable. {@code prk = HKDF-Extract(salt = document id, ikm = secret)}; the frame-id key and
 * each frame's key are HKDF-Expand of it under their own labels. {@link #toString()} shows no key.
 */
final class EpochKey {
  private final EpochRotation rotation;
  private final byte[] secret;
  private final byte[] prk;
  private final byte[] frameIdKey;

  EpochKey(EpochRotation rotation, byte[] secret) {
    this.rotation = rotation;
    this.secret = secret.clone();
    this.prk = Hkdf.extract(rotation.document().bytes(), secret);
    this.frameIdKey = Hkdf.expand(prk, info("entente/frame-id-key/v1", new byte[0]), 32);
  }

  private byte[] info(String label, byte[] more) {
    return Bytes.concat(Bytes.ascii(label), rotation.id().bytes(), more);
  }

  EpochRotation rotation() {
    return rotation;
  }

  Hash32 id() {
    return rotation.id();
  }

  /** The opaque id of the envelope with {@code envelopeHash} in this epoch. */
  Hash32 frameId(Hash32 envelopeHash) {
    return Hash32.of(Hkdf.hmac(frameIdKey, envelopeHash.bytes()));
  }

  /**
   * The key of the frame {@code frameId}: one key per distinct envelope, so a repeated nonce can
   * only ever repeat with the same plaintext (docs/e2ee.md, "Nonces").
   */
  byte[] frameKey(Hash32 frameId) {
    return Hkdf.expand(prk, info("entente/frame-key/v1", frameId.bytes()), Aead.KEY_LENGTH);
  }

  /** A copy of the secret, for leak audits only ({@link EpochKeyring#auditSecrets()}). */
  byte[] secret() {
    return secret.clone();
  }

  @Override
  public String toString() {
    return "EpochKey[" + rotation + "]";
  }
}
