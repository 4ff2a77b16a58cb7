package dev.entente.impl.codec;

import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Byte surgery for tests that build malformed encodings: overwrite a big-endian field, insert
 * bytes, then reseal the CRC-32C trailer so that the decoder gets past the checksum and reaches the
 * damage under test.
 */
final class EncodingEdits {
  private EncodingEdits() {}

  /** A copy of {@code encoding} whose last 4 bytes are the CRC-32C of the bytes before them. */
  static byte[] resealed(byte[] encoding) {
    return resealed(encoding, 0, encoding.length);
  }

  /** A copy whose embedded encoding {@code [start, end)} gets a fresh trailer. */
  static byte[] resealed(byte[] encoding, int start, int end) {
    byte[] copy = encoding.clone();
    CRC32C crc = new CRC32C();
    crc.update(copy, start, end - start - 4);
    putU32(copy, end - 4, crc.getValue());
    return copy;
  }

  /**
   * A copy with {@code value} written as a big-endian integer of {@code width} bytes at {@code at}.
   */
  static byte[] with(byte[] encoding, int at, int width, long value) {
    byte[] copy = encoding.clone();
    for (int i = 0; i < width; i++) {
      copy[at + i] = (byte) (value >>> (8 * (width - 1 - i)));
    }
    return copy;
  }

  /** A copy with {@code inserted} placed before position {@code at}. */
  static byte[] inserted(byte[] encoding, int at, byte... inserted) {
    byte[] copy = new byte[encoding.length + inserted.length];
    System.arraycopy(encoding, 0, copy, 0, at);
    System.arraycopy(inserted, 0, copy, at, inserted.length);
    System.arraycopy(encoding, at, copy, at + inserted.length, encoding.length - at);
    return copy;
  }

  /** A copy with one bit flipped. */
  static byte[] flipped(byte[] encoding, int bit) {
    byte[] copy = encoding.clone();
    copy[bit / 8] ^= (byte) (1 << (bit % 8));
    return copy;
  }

  static byte[] prefix(byte[] encoding, int length) {
    return Arrays.copyOf(encoding, length);
  }

  private static void putU32(byte[] bytes, int at, long value) {
    for (int i = 0; i < 4; i++) {
      bytes[at + i] = (byte) (value >>> (8 * (3 - i)));
    }
  }
}
