package dev.entente.impl.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * A bounds-checked big-endian cursor over one encoding inside a byte array. Not thread-safe; one
 * per decoding.
 *
 * <p>Every read names the field it reads, so that a failure becomes a {@link DecodeException} with
 * the absolute offset and the field's path (the reader's {@code path} prefix plus the field name).
 * Reads never run past {@code end}, and lengths read from the input are compared with what remains
 * before anything is allocated for them.
 */
final class ByteReader {
  /** Size of the CRC-32C trailer that ends every encoding. */
  static final int CHECKSUM_BYTES = 4;

  private final byte[] in;
  private final int end;
  private final String path;
  private int pos;

  private ByteReader(byte[] in, int start, int end, String path) {
    this.in = in;
    this.pos = start;
    this.end = end;
    this.path = path;
  }

  /**
   * Checks the length and the CRC-32C trailer of the encoding {@code in[start, end)}, then returns
   * a reader over the bytes before the trailer. The checksum comes before any parsing so that a
   * corrupted input is reported as corrupted, not as whatever field the damage happened to hit.
   */
  static ByteReader checked(byte[] in, int start, int end, String path, int minLength)
      throws DecodeException {
    int length = end - start;
    if (length < minLength) {
      throw new DecodeException(
          end,
          path,
          String.format(
              Locale.ROOT, "truncated: %d bytes, the smallest encoding has %d", length, minLength));
    }
    int bodyEnd = end - CHECKSUM_BYTES;
    CRC32C crc = new CRC32C();
    crc.update(in, start, bodyEnd - start);
    long computed = crc.getValue();
    long stored = new ByteReader(in, bodyEnd, end, path).u32("checksum");
    if (stored != computed) {
      throw new DecodeException(
          bodyEnd,
          path + ".checksum",
          String.format(
              Locale.ROOT, "CRC-32C mismatch: stored 0x%08x, computed 0x%08x", stored, computed));
    }
    return new ByteReader(in, start, bodyEnd, path);
  }

  int position() {
    return pos;
  }

  int remaining() {
    return end - pos;
  }

  /** A decode failure at {@code offset} in the field {@code field} of this reader's path. */
  DecodeException error(int offset, String field, String format, Object... args) {
    return new DecodeException(offset, fieldPath(field), String.format(Locale.ROOT, format, args));
  }

  /** Like {@link #error}, wrapping the model's rejection of a decoded value. */
  DecodeException rejected(int offset, String field, IllegalArgumentException cause) {
    return new DecodeException(
        offset,
        fieldPath(field),
        Objects.requireNonNullElse(cause.getMessage(), cause.toString()),
        cause);
  }

  int u8(String field) throws DecodeException {
    require(1, field);
    return in[pos++] & 0xFF;
  }

  int u16(String field) throws DecodeException {
    require(2, field);
    int v = ((in[pos] & 0xFF) << 8) | (in[pos + 1] & 0xFF);
    pos += 2;
    return v;
  }

  long u32(String field) throws DecodeException {
    require(4, field);
    long v = 0;
    for (int i = 0; i < 4; i++) {
      v = (v << 8) | (in[pos++] & 0xFF);
    }
    return v;
  }

  /** Reads 8 bytes as a signed long; fields that must be non-negative check the sign. */
  long i64(String field) throws DecodeException {
    require(8, field);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (in[pos++] & 0xFF);
    }
    return v;
  }

  /** Reads {@code n} raw bytes. */
  byte[] bytes(int n, String field) throws DecodeException {
    require(n, field);
    byte[] out = java.util.Arrays.copyOfRange(in, pos, pos + n);
    pos += n;
    return out;
  }

  /** Moves past {@code n} bytes that a nested decoder reads; the caller checked they remain. */
  void skip(int n) {
    pos += n;
  }

  /** Reads exactly {@code expected} bytes and fails unless they match. */
  void magic(byte[] expected, String field) throws DecodeException {
    int at = pos;
    require(expected.length, field);
    for (int i = 0; i < expected.length; i++) {
      if (in[at + i] != expected[i]) {
        throw error(
            at,
            field,
            "bad magic: expected %s, was %s",
            HexFormat.ofDelimiter(" ").formatHex(expected),
            HexFormat.ofDelimiter(" ").formatHex(in, at, at + expected.length));
      }
    }
    pos += expected.length;
  }

  /** Reads the one-byte format version and fails unless it is {@code expected}. */
  void version(int expected) throws DecodeException {
    int at = pos;
    int version = u8("version");
    if (version != expected) {
      throw error(at, "version", "unsupported format version %d, expected %d", version, expected);
    }
  }

  /**
   * Checks that a count read at {@code at} fits: {@code count} entries of at least {@code
   * minEntryBytes} each must fit in what remains. This bounds loops and allocations by the input
   * size instead of by a number the input chose.
   */
  void requireEntries(long count, int minEntryBytes, int at, String field) throws DecodeException {
    long needed = count * minEntryBytes;
    if (needed > remaining()) {
      throw error(
          at, field, "count %d needs at least %d bytes, %d remain", count, needed, remaining());
    }
  }

  /**
   * Reads {@code length} bytes as strict UTF-8: malformed, overlong and surrogate encodings are
   * rejected (so the string re-encodes to the same bytes), with the offset of the first bad byte.
   */
  String utf8(long length, String field) throws DecodeException {
    require(length, field);
    int n = (int) length;
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer src = ByteBuffer.wrap(in, pos, n);
    // UTF-8 never decodes to more UTF-16 units than it has bytes, and n <= remaining().
    CharBuffer dst = CharBuffer.allocate(n);
    CoderResult result = decoder.decode(src, dst, true);
    if (!result.isError()) {
      result = decoder.flush(dst);
    }
    if (result.isError()) {
      throw error(src.position(), field, "invalid UTF-8 sequence of length %d", result.length());
    }
    pos += n;
    return dst.flip().toString();
  }

  /** Fails unless every byte before the checksum was consumed. */
  void requireEnd(String what) throws DecodeException {
    if (pos != end) {
      throw error(pos, "", "trailing bytes: %d after %s, before the checksum", end - pos, what);
    }
  }

  private void require(long n, String field) throws DecodeException {
    if (n > end - pos) {
      throw error(pos, field, "truncated: needs %d bytes, %d remain", n, end - pos);
    }
  }

  private String fieldPath(String field) {
    return field.isEmpty() ? path : path + "." + field;
  }
}
