package dev.entente.impl.seal;

import dev.entente.impl.codec.PublicKeyBytes;

/**
 * A device's X25519 public key (RFC 7748), the key epoch keys are wrapped to. Immutable; ordered by
 * unsigned bytes. {@link #toString()} shows a fingerprint only.
 */
public final class AgreementPublicKey extends PublicKeyBytes
    implements Comparable<AgreementPublicKey> {
  /** Length of a raw X25519 public key. */
  public static final int LENGTH = 32;

  private AgreementPublicKey(byte[] raw) {
    super(raw);
  }

  /** Wraps a copy of 32 raw bytes. */
  public static AgreementPublicKey of(byte[] raw) {
    return new AgreementPublicKey(
        checkedCopy(
            raw,
            LENGTH,
            "agreement key bytes must not be null",
            "an X25519 key has %d bytes, was %d"));
  }

  @Override
  public int compareTo(AgreementPublicKey other) {
    return compareRaw(other);
  }

  @Override
  protected String scheme() {
    return "x25519";
  }
}
