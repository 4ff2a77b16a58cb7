package dev.entente.simulations.profile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A hash of a name that is the same on every JVM, release and platform: the first 8 bytes of the
 * SHA-256 of its UTF-8 bytes, big-endian. Used to key per-name draws; {@link String#hashCode} is
 * not specified strongly enough to pin seeds on.
 */
public final class StableHash {
  private StableHash() {}

  /** The first 8 bytes of SHA-256({@code name}) as a big-endian long. */
  public static long of(String name) {
    byte[] digest = sha256().digest(name.getBytes(StandardCharsets.UTF_8));
    long h = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      h = (h << 8) | (digest[i] & 0xffL);
    }
    return h;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (MessageDigest's Javadoc).
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
