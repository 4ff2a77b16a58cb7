package dev.entente.impl.seal;

import dev.entente.impl.codec.Hash32;
import dev.entente.model.Check;
import java.util.Arrays;

/**
 * A device's X25519 public key (RFC 7748), the key epoch keys are wrapped to. Immutable; ordered by
 * unsigned bytes. {@link #toString()} shows a fingerprint only.
 */
public final class AgreementPublicKey implements Comparable<AgreementPublicKey> {
  /** Length of a raw X25519 public key. */
  public static final int LENGTH = 32;

  private final byte[] raw;

  private AgreementPublicKey(byte[] raw) {
    this.raw = raw;
  }

  /** Wraps a copy of 32 raw bytes. */
  public static AgreementPublicKey of(byte[] raw) {
    Check.argument(raw != null, "agreement key bytes must not be null");
    Check.argument(raw.length == LENGTH, "an X25519 key has %d bytes, was %d", LENGTH, raw.length);
    return new AgreementPublicKey(raw.clone());
  }

  /** A copy of the 32 raw bytes. */
  public byte[] raw() {
    return raw.clone();
  }

  @Override
  public int compareTo(AgreementPublicKey other) {
    return Arrays.compareUnsigned(raw, other.raw);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AgreementPublicKey k && Arrays.equals(raw, k.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return "x25519:" + Hash32.sha256(raw).toString().substring(0, 16);
  }
}
