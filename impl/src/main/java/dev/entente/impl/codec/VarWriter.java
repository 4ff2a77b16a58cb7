package dev.entente.impl.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte sink with unsigned LEB128 varints, for the snapshot encoder. Not thread-safe. */
final class VarWriter {
  private byte[] bytes = new byte[256];
  private int size;

  void u8(int v) {
    ensure(1);
    bytes[size++] = (byte) v;
  }

  /** Writes {@code v >= 0} as a minimal unsigned LEB128 varint. */
  void varint(long v) {
    ensure(10);
    long rest = v;
    while ((rest & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    bytes[size++] = (byte) rest;
  }

  /** Writes a signed value zigzag-encoded, so small magnitudes of either sign stay short. */
  void zigzag(long v) {
    varint((v << 1) ^ (v >> 63));
  }

  void u32(long v) {
    ensure(4);
    for (int shift = 24; shift >= 0; shift -= 8) {
      bytes[size++] = (byte) (v >>> shift);
    }
  }

  void raw(byte[] v) {
    raw(v, 0, v.length);
  }

  void raw(byte[] v, int from, int length) {
    ensure(length);
    System.arraycopy(v, from, bytes, size, length);
    size += length;
  }

  /** A length-prefixed UTF-8 string. */
  void string(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    varint(utf8.length);
    raw(utf8);
  }

  int size() {
    return size;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void ensure(int more) {
    if (bytes.length - size < more) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
