package dev.entente.impl.sync.rbsr;

import dev.entente.model.Check;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * How id lists name an item on the wire: the first {@link #BYTES} bytes of {@code SHA-256(salt ||
 * id)} under the session salt, not the id itself. Immutable; ordered by unsigned byte order.
 *
 * <p>A quarter of an id's bytes, and safe for this use. A tag only has to tell apart the fewer than
 * {@code idListThreshold} items of one range: under a fresh salt two of them share a tag with
 * probability 2^-64 per pair (below 3·10^-17 for a range of 32), and because the salt is drawn per
 * session nobody can mine a colliding pair in advance, which is what made short unsalted ids
 * dangerous. A collision would hide one item for one session only; the next salt differs. The range
 * fingerprints keep 16 bytes: one collision there would hide a whole range.
 */
public final class Tag implements Comparable<Tag> {
  /** Length of a tag in bytes. */
  public static final int BYTES = 8;

  private final byte[] bytes;

  private Tag(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The tag with these bytes (copied). */
  public static Tag of(byte[] bytes) {
    Check.argument(bytes != null && bytes.length == BYTES, "a tag has exactly 8 bytes");
    return new Tag(bytes.clone());
  }

  /** A copy of the bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public int compareTo(Tag other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tag other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes, 0, 8);
  }
}
