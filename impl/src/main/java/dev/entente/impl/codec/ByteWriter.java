package dev.entente.impl.codec;

import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * A growable big-endian byte sink for the encoders. Not thread-safe; one per encoding.
 *
 * <p>Callers check ranges before writing: the writer truncates values to the field width, so an
 * unchecked write would silently produce a different (but well-formed) encoding.
 */
final class ByteWriter {
  private byte[] bytes;
  private int size;

  ByteWriter(int initialCapacity) {
    bytes = new byte[Math.max(16, initialCapacity)];
  }

  void u8(int v) {
    ensure(1);
    bytes[size++] = (byte) v;
  }

  void u16(int v) {
    ensure(2);
    bytes[size++] = (byte) (v >>> 8);
    bytes[size++] = (byte) v;
  }

  void u32(long v) {
    ensure(4);
    for (int shift = 24; shift >= 0; shift -= 8) {
      bytes[size++] = (byte) (v >>> shift);
    }
  }

  void u64(long v) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      bytes[size++] = (byte) (v >>> shift);
    }
  }

  void raw(byte[] v) {
    ensure(v.length);
    System.arraycopy(v, 0, bytes, size, v.length);
    size += v.length;
  }

  /** Appends the CRC-32C of everything written so far and returns the finished encoding. */
  byte[] finishWithChecksum() {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, size);
    u32(crc.getValue());
    return Arrays.copyOf(bytes, size);
  }

  private void ensure(int more) {
    if (bytes.length - size < more) {
      long wanted = Math.max((long) bytes.length * 2, (long) size + more);
      bytes = Arrays.copyOf(bytes, (int) Math.min(wanted, Integer.MAX_VALUE - 8));
    }
  }
}
