package dev.entente.impl.seal;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.codec.Hash32;
import dev.entente.model.ReplicaId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Big-endian byte helpers for the sealing codecs: a growable writer and a bounds-checked reader.
 */
final class Bytes {
  private Bytes() {}

  static byte[] u64(long v) {
    byte[] out = new byte[8];
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (v >>> (56 - 8 * i));
    }
    return out;
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** A growable sink; callers check ranges before writing (values are truncated to the width). */
  static final class Writer {
    private byte[] bytes = new byte[128];
    private int size;

    Writer u8(int v) {
      ensure(1);
      bytes[size++] = (byte) v;
      return this;
    }

    Writer u16(int v) {
      return u8(v >>> 8).u8(v);
    }

    Writer u32(long v) {
      return u16((int) (v >>> 16)).u16((int) v);
    }

    Writer raw(byte[] v) {
      ensure(v.length);
      System.arraycopy(v, 0, bytes, size, v.length);
      size += v.length;
      return this;
    }

    Writer id(ReplicaId id) {
      byte[] b = ascii(id.value());
      return u8(b.length).raw(b);
    }

    byte[] finish() {
      return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
      if (bytes.length - size < more) {
        bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + more));
      }
    }
  }

  /** Reads {@code bytes} front to back; every failure names the offset and the field. */
  static final class Reader {
    private final byte[] bytes;
    private int at;

    Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    int position() {
      return at;
    }

    int remaining() {
      return bytes.length - at;
    }

    DecodeException error(int offset, String field, String reason) {
      return new DecodeException(offset, field, reason);
    }

    void magic(byte[] expected, String field) throws DecodeException {
      if (!Arrays.equals(raw(expected.length, field), expected)) {
        throw error(0, field, "not " + new String(expected, StandardCharsets.US_ASCII));
      }
    }

    int u8(String field) throws DecodeException {
      return raw(1, field)[0] & 0xff;
    }

    int u16(String field) throws DecodeException {
      byte[] b = raw(2, field);
      return ((b[0] & 0xff) << 8) | (b[1] & 0xff);
    }

    long u32(String field) throws DecodeException {
      byte[] b = raw(4, field);
      return ((long) (b[0] & 0xff) << 24)
          | ((b[1] & 0xff) << 16)
          | ((b[2] & 0xff) << 8)
          | (b[3] & 0xff);
    }

    Hash32 hash(String field) throws DecodeException {
      return Hash32.of(raw(Hash32.LENGTH, field));
    }

    ReplicaId id(String field) throws DecodeException {
      int from = at;
      int n = u8(field + ".length");
      String s = new String(raw(n, field), StandardCharsets.US_ASCII);
      try {
        return ReplicaId.of(s);
      } catch (IllegalArgumentException bad) {
        throw error(from, field, String.valueOf(bad.getMessage()));
      }
    }

    byte[] raw(int n, String field) throws DecodeException {
      if (n < 0 || n > bytes.length - at) {
        throw error(at, field, n + " bytes needed, " + (bytes.length - at) + " left");
      }
      byte[] out = Arrays.copyOfRange(bytes, at, at + n);
      at += n;
      return out;
    }

    void requireEnd(String after) throws DecodeException {
      if (at != bytes.length) {
        throw error(at, "end", (bytes.length - at) + " trailing bytes after " + after);
      }
    }
  }
}
