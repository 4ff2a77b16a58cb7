package dev.entente.impl.codec;

import dev.entente.model.Check;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The value half of a raw public key type: its fixed-length bytes, equality and hash by those bytes
 * within one key type, unsigned byte order, and a {@link #toString()} that shows the scheme and a
 * short fingerprint (the first 8 bytes of the key's SHA-256), never the key, so that logs stay
 * small and never become a key directory. Subclasses are final and immutable; they add the scheme
 * and their factories.
 */
public abstract class PublicKeyBytes {
  private final byte[] raw;

  /** Takes {@code raw}, which the subclass has checked and copied (see {@link #checkedCopy}). */
  protected PublicKeyBytes(byte[] raw) {
    this.raw = raw;
  }

  /**
   * A copy of {@code raw}, after checking it is present ({@code nullMessage} otherwise) and {@code
   * length} bytes long ({@code lengthFormat}, given the expected and the actual length, otherwise).
   */
  protected static byte[] checkedCopy(
      byte[] raw, int length, String nullMessage, String lengthFormat) {
    Check.argument(raw != null, nullMessage);
    Check.argument(raw.length == length, lengthFormat, length, raw.length);
    return raw.clone();
  }

  /** The scheme's short name that {@link #toString()} starts with, such as {@code ed25519}. */
  protected abstract String scheme();

  /** A copy of the raw bytes. */
  public final byte[] raw() {
    return raw.clone();
  }

  /** The raw bytes as lowercase hex digits. */
  protected final String hex() {
    return HexFormat.of().formatHex(raw);
  }

  /** Unsigned byte order, for the subclass's {@code compareTo}. */
  protected final int compareRaw(PublicKeyBytes other) {
    return Arrays.compareUnsigned(raw, other.raw);
  }

  @Override
  public final boolean equals(Object o) {
    // Two key types never equal each other, even with the same bytes.
    return o instanceof PublicKeyBytes k && k.getClass() == getClass() && Arrays.equals(raw, k.raw);
  }

  @Override
  public final int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public final String toString() {
    return scheme() + ":" + Hash32.sha256(raw).toString().substring(0, 16);
  }
}
