package dev.entente.impl.sync.rbsr;

import dev.entente.model.Check;
import java.util.Arrays;

/**
 * A point in the (timestamp, id) order that separates two ranges: the timestamp and the shortest id
 * prefix that tells the last item below it from the first item at or above it. The point is the
 * prefix padded with zero bytes; a prefix never ends in a zero byte, so every point has one
 * spelling. {@link #INFINITY} is above every item. Immutable.
 */
public final class Bound implements Comparable<Bound> {
  /** The largest item timestamp a bound (and an item) may carry. */
  public static final long MAX_TIMESTAMP = (1L << 62) - 1;

  /** The bound above every item. */
  public static final Bound INFINITY = new Bound(Long.MAX_VALUE, new byte[0], true);

  /** The bound below every item: timestamp 0, empty prefix. */
  public static final Bound ZERO = new Bound(0, new byte[0], false);

  private final long timestamp;
  private final byte[] prefix;
  private final boolean infinite;

  private Bound(long timestamp, byte[] prefix, boolean infinite) {
    this.timestamp = timestamp;
    this.prefix = prefix;
    this.infinite = infinite;
  }

  /** A finite bound; the prefix is at most 32 bytes and does not end in a zero byte. */
  public static Bound of(long timestamp, byte[] prefix) {
    Check.argument(timestamp >= 0 && timestamp <= MAX_TIMESTAMP, "timestamp out of range");
    Check.argument(prefix.length <= SyncId.BYTES, "prefix longer than an id");
    Check.argument(
        prefix.length == 0 || prefix[prefix.length - 1] != 0, "prefix ends in a zero byte");
    return new Bound(timestamp, prefix.clone(), false);
  }

  /** The shortest bound above {@code (prevTs, prev)} and at or below {@code (ts, id)}. */
  static Bound between(long prevTs, SyncId prev, long ts, SyncId id) {
    if (prevTs != ts) {
      return new Bound(ts, new byte[0], false);
    }
    int common = 0;
    while (common < SyncId.BYTES && prev.unsignedAt(common) == id.unsignedAt(common)) {
      common++;
    }
    // prev < id, so id's byte at `common` is larger than prev's and therefore not zero.
    return new Bound(ts, Arrays.copyOf(id.bytes(), common + 1), false);
  }

  public boolean isInfinite() {
    return infinite;
  }

  public long timestamp() {
    return timestamp;
  }

  /** A copy of the prefix. */
  public byte[] prefix() {
    return prefix.clone();
  }

  int prefixLength() {
    return prefix.length;
  }

  /** Compares the item {@code (ts, id)} with this point: negative if the item is below it. */
  int compareItem(long ts, SyncId id) {
    if (infinite) {
      return -1;
    }
    if (ts != timestamp) {
      return Long.compare(ts, timestamp);
    }
    for (int i = 0; i < prefix.length; i++) {
      int c = Integer.compare(id.unsignedAt(i), prefix[i] & 0xFF);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @Override
  public int compareTo(Bound o) {
    if (infinite || o.infinite) {
      return Boolean.compare(infinite, o.infinite);
    }
    if (timestamp != o.timestamp) {
      return Long.compare(timestamp, o.timestamp);
    }
    // Zero padding: comparing the shorter prefix padded with zeros.
    int n = Math.max(prefix.length, o.prefix.length);
    for (int i = 0; i < n; i++) {
      int a = i < prefix.length ? prefix[i] & 0xFF : 0;
      int b = i < o.prefix.length ? o.prefix[i] & 0xFF : 0;
      if (a != b) {
        return Integer.compare(a, b);
      }
    }
    return 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bound b && compareTo(b) == 0;
  }

  @Override
  public int hashCode() {
    return infinite ? -1 : Long.hashCode(timestamp) * 31 + Arrays.hashCode(prefix);
  }

  @Override
  public String toString() {
    return infinite ? "inf" : timestamp + ":" + java.util.HexFormat.of().formatHex(prefix);
  }
}
