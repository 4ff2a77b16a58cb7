package dev.entente.impl.sync.iblt;

import dev.entente.impl.sync.rbsr.SyncId;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** A growable array of coded symbols, as parallel arrays. Not thread-safe. */
final class CodedSymbols {
  private long[] sums = new long[64];
  private long[] checks = new long[16];
  private long[] counts = new long[16];
  private int size;

  int size() {
    return size;
  }

  /** Extends to {@code m} symbols, the new ones empty. */
  void grow(int m) {
    if (m > checks.length) {
      int cap = Math.max(m, checks.length * 2);
      sums = Arrays.copyOf(sums, cap * 4);
      checks = Arrays.copyOf(checks, cap);
      counts = Arrays.copyOf(counts, cap);
    }
    size = Math.max(size, m);
  }

  /** Adds {@code item} to symbol {@code i} {@code sign} times (XOR for sum and check). */
  void toggle(int i, MappedItem item, long sign) {
    for (int w = 0; w < 4; w++) {
      sums[i * 4 + w] ^= item.words[w];
    }
    checks[i] ^= item.check;
    counts[i] += sign;
  }

  /** Adds {@code items}' contributions to every symbol below {@link #size()}. */
  void addAll(MappedItem[] items, long sign) {
    for (MappedItem item : items) {
      add(item, sign);
    }
  }

  /** Adds {@code item}'s contributions to every symbol below {@link #size()}, moving its cursor. */
  void add(MappedItem item, long sign) {
    while (item.peek() < size) {
      toggle((int) item.peek(), item, sign);
      item.advance();
    }
  }

  /** Sets symbol {@code i} (grown already) from the wire. */
  void set(int i, Symbol s) {
    ByteBuffer b = ByteBuffer.wrap(s.sum());
    for (int w = 0; w < 4; w++) {
      sums[i * 4 + w] = b.getLong();
    }
    checks[i] = s.check();
    counts[i] = s.count();
  }

  Symbol symbol(int i) {
    return new Symbol(sum(i), checks[i], counts[i]);
  }

  long count(int i) {
    return counts[i];
  }

  boolean isZero(int i) {
    return counts[i] == 0
        && checks[i] == 0
        && (sums[i * 4] | sums[i * 4 + 1] | sums[i * 4 + 2] | sums[i * 4 + 3]) == 0;
  }

  /** Whether symbol {@code i} holds exactly one id, once added or once removed. */
  boolean isPure(int i, byte[] salt) {
    return (counts[i] == 1 || counts[i] == -1)
        && MappedItem.checksum(SyncId.of(sum(i)), salt) == checks[i];
  }

  /** The id a pure symbol holds. */
  SyncId pureId(int i) {
    return SyncId.of(sum(i));
  }

  private byte[] sum(int i) {
    ByteBuffer b = ByteBuffer.allocate(32);
    for (int w = 0; w < 4; w++) {
      b.putLong(sums[i * 4 + w]);
    }
    return b.array();
  }
}
