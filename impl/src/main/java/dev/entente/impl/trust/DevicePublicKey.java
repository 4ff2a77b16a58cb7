package dev.entente.impl.trust;

import dev.entente.impl.codec.PublicKeyBytes;
import dev.entente.model.Check;
import java.util.HexFormat;

/**
 * A device's Ed25519 public key: the 32 raw bytes of RFC 8032. Immutable; ordered by unsigned
 * bytes. {@link #toString()} shows a short fingerprint (the first 8 bytes of its SHA-256), never
 * the key itself, so that logs stay small and never become a key directory.
 */
public final class DevicePublicKey extends PublicKeyBytes implements Comparable<DevicePublicKey> {
  /** Length of a raw Ed25519 public key. */
  public static final int LENGTH = 32;

  private DevicePublicKey(byte[] raw) {
    super(raw);
  }

  /** Wraps a copy of 32 raw key bytes. */
  public static DevicePublicKey of(byte[] raw) {
    return new DevicePublicKey(
        checkedCopy(
            raw, LENGTH, "public key bytes must not be null", "a public key has %d bytes, was %d"));
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

  /** The 64 lowercase hex digits of the key, the form membership changes carry. */
  public String toHex() {
    return hex();
  }

  @Override
  public int compareTo(DevicePublicKey other) {
    return compareRaw(other);
  }

  @Override
  protected String scheme() {
    return "ed25519";
  }
}
