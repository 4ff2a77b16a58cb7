package dev.entente.impl.sync.rbsr;

import dev.entente.model.Check;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A change id: the 32-byte content hash of a change. Immutable; ordered by unsigned byte order.
 *
 * <p>RBSR never looks inside a change, only at its id and timestamp, so a relay can reconcile
 * envelopes it cannot decrypt.
 */
public final class SyncId implements Comparable<SyncId> {
  /** Length of every id in bytes. */
  public static final int BYTES = 32;

  private final byte[] bytes;
  // Ids key the hash maps of every protocol; hashing 32 bytes on each lookup showed in profiles.
  private final int hash;

  private SyncId(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  /** The id with these 32 bytes (copied). */
  public static SyncId of(byte[] bytes) {
    Check.argument(bytes != null && bytes.length == BYTES, "a change id has exactly 32 bytes");
    return new SyncId(bytes.clone());
  }

  /** A copy of the 32 bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The byte at {@code index}, unsigned. */
  int unsignedAt(int index) {
    return bytes[index] & 0xFF;
  }

  @Override
  public int compareTo(SyncId other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SyncId other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes, 0, 8);
  }
}
