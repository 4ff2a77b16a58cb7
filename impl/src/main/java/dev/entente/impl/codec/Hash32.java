package dev.entente.impl.codec;

import dev.entente.model.Check;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A SHA-256 digest used as a content address: a document id or the hash of a signed envelope (a
 * node of the Merkle DAG). Immutable; ordered by unsigned byte value, so sorted link lists have one
 * canonical order. {@link #toString()} is the 64-digit lowercase hex form.
 */
public final class Hash32 implements Comparable<Hash32> {
  /** Length of a digest in bytes. */
  public static final int LENGTH = 32;

  private final byte[] bytes;
  // Hashes are map keys on every receive; the bytes never change, so hash them once.
  private final int hashCode;

  private Hash32(byte[] bytes) {
    this.bytes = bytes;
    this.hashCode = Arrays.hashCode(bytes);
  }

  /** Wraps a copy of {@code bytes}, which must be exactly 32 bytes. */
  public static Hash32 of(byte[] bytes) {
    Check.argument(bytes != null, "hash bytes must not be null");
    Check.argument(bytes.length == LENGTH, "a hash has %d bytes, was %d", LENGTH, bytes.length);
    return new Hash32(bytes.clone());
  }

  /** The SHA-256 of the concatenation of {@code parts}. */
  public static Hash32 sha256(byte[]... parts) {
    MessageDigest digest = newSha256();
    for (byte[] part : parts) {
      digest.update(part);
    }
    return new Hash32(digest.digest());
  }

  static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform is required to provide SHA-256.
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** A copy of the 32 bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  void writeTo(MessageDigest digest) {
    digest.update(bytes);
  }

  @Override
  public int compareTo(Hash32 other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hash32 h && Arrays.equals(bytes, h.bytes);
  }

  @Override
  public int hashCode() {
    return hashCode;
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
