package dev.entente.impl.trust;

import dev.entente.impl.codec.Hash32;
import dev.entente.model.Check;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A device's Ed25519 public key: the 32 raw bytes of RFC 8032. Immutable; ordered by unsigned
 * bytes. {@link #toString()} shows a short fingerprint (the first 8 bytes of its SHA-256), never
 * the key itself, so that logs stay small and never become a key directory.
 */
public final class DevicePublicKey implements Comparable<DevicePublicKey> {
  /** Length of a raw Ed25519 public key. */
  public static final int LENGTH = 32;

  private final byte[] raw;

  private DevicePublicKey(byte[] raw) {
    this.raw = raw;
  }

  /** Wraps a copy of 32 raw key bytes. */
  public static DevicePublicKey of(byte[] raw) {
    Check.argument(raw != null, "public key bytes must not be null");
    Check.argument(raw.length == LENGTH, "a public key has %d bytes, was %d", LENGTH, raw.length);
    return new DevicePublicKey(raw.clone());
  }

  /** Parses the 64 hex digits of {@link #toHex()}. */
  public static DevicePublicKey fromHex(String hex) {
    Check.argument(hex != null, "public key hex must not be null");
    Check.argument(
        hex.length() == 2 * LENGTH && hex.chars().allMatch(DevicePublicKey::isLowerHex),
        "a public key is %d lowercase hex digits",
        2 * LENGTH);
    return new DevicePublicKey(HexFormat.of().parseHex(hex));
  }

  private static boolean isLowerHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  /** A copy of the 32 raw bytes. */
  public byte[] raw() {
    return raw.clone();
  }

  /** The 64 lowercase hex digits of the key, the form membership changes carry. */
  public String toHex() {
    return HexFormat.of().formatHex(raw);
  }

  @Override
  public int compareTo(DevicePublicKey other) {
    return Arrays.compareUnsigned(raw, other.raw);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DevicePublicKey k && Arrays.equals(raw, k.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return "ed25519:" + Hash32.sha256(raw).toString().substring(0, 16);
  }
}
