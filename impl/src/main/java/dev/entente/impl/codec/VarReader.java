package dev.entente.impl.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A bounds-checked cursor with minimal LEB128 varints over one snapshot section, for the snapshot
 * decoder. Not thread-safe.
 *
 * <p>Errors name the field and give a byte position in the whole input: for a raw buffer, the
 * position itself plus {@code base}; for an inflated section, the section's start in the input,
 * with the position inside the inflated bytes in the reason.
 */
final class VarReader {
  private final byte[] in;
  private final String path;
  private final int base;
  private final boolean inflated;
  private int pos;

  VarReader(byte[] in, int start, String path, int base, boolean inflated) {
    this.in = in;
    this.pos = start;
    this.path = path;
    this.base = base;
    this.inflated = inflated;
  }

  int position() {
    return pos;
  }

  int remaining() {
    return in.length - pos;
  }

  DecodeException error(int at, String field, String format, Object... args) {
    String reason = String.format(Locale.ROOT, format, args);
    String where = path + (field.isEmpty() ? "" : "." + field);
    if (inflated) {
      return new DecodeException(base, where, "at inflated byte " + at + ": " + reason);
    }
    return new DecodeException(base + at, where, reason);
  }

  DecodeException rejected(int at, String field, IllegalArgumentException cause) {
    String reason = String.valueOf(cause.getMessage());
    String where = path + (field.isEmpty() ? "" : "." + field);
    int offset = inflated ? base : base + at;
    String prefix = inflated ? "at inflated byte " + at + ": " : "";
    return new DecodeException(offset, where, prefix + reason, cause);
  }

  int u8(String field) throws DecodeException {
    require(1, field);
    return in[pos++] & 0xFF;
  }

  long u32(String field) throws DecodeException {
    require(4, field);
    long v = 0;
    for (int i = 0; i < 4; i++) {
      v = (v << 8) | (in[pos++] & 0xFF);
    }
    return v;
  }

  /** A minimal unsigned LEB128 varint of at most 63 bits. */
  long varint(String field) throws DecodeException {
    int at = pos;
    long v = 0;
    for (int shift = 0; shift < 63; shift += 7) {
      int b = u8(field);
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (b == 0 && shift > 0) {
          throw error(at, field, "overlong varint");
        }
        if (v < 0) {
          throw error(at, field, "varint exceeds 63 bits");
        }
        return v;
      }
    }
    throw error(at, field, "varint exceeds 63 bits");
  }

  /** A varint that must lie in {@code [0, max]}. */
  long varint(String field, long max) throws DecodeException {
    int at = pos;
    long v = varint(field);
    if (v > max) {
      throw error(at, field, "%d exceeds the limit %d", v, max);
    }
    return v;
  }

  long zigzag(String field) throws DecodeException {
    long z = varint(field);
    return (z >>> 1) ^ -(z & 1);
  }

  byte[] bytes(long n, String field) throws DecodeException {
    require(n, field);
    byte[] out = java.util.Arrays.copyOfRange(in, pos, pos + (int) n);
    pos += (int) n;
    return out;
  }

  /** Strict UTF-8 (malformed, overlong and surrogate encodings rejected). */
  static String utf8(byte[] bytes) throws java.nio.charset.CharacterCodingException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer dst = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(ByteBuffer.wrap(bytes), dst, true);
    if (result.isError()) {
      result.throwException();
    }
    return dst.flip().toString();
  }

  void requireEnd(String what) throws DecodeException {
    if (pos != in.length) {
      throw error(pos, "", "trailing bytes: %d after %s", in.length - pos, what);
    }
  }

  private void require(long n, String field) throws DecodeException {
    if (n > in.length - pos) {
      throw error(pos, field, "truncated: needs %d bytes, %d remain", n, in.length - pos);
    }
  }
}
