package dev.entente.node.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A bounds-checked big-endian reader over one frame body; every read names its field. */
final class Cursor {
  private final byte[] in;
  private final String path;
  private int at;

  Cursor(byte[] in, String path) {
    this.in = in;
    this.path = path;
  }

  int offset() {
    return at;
  }

  int remaining() {
    return in.length - at;
  }

  FrameException error(String field, String reason) {
    return new FrameException(at, path + "." + field, reason);
  }

  private void need(int n, String field) throws FrameException {
    if (remaining() < n) {
      throw error(field, "needs " + n + " bytes, " + remaining() + " remain");
    }
  }

  int u8(String field) throws FrameException {
    need(1, field);
    return in[at++] & 0xFF;
  }

  int u16(String field) throws FrameException {
    need(2, field);
    int v = ((in[at] & 0xFF) << 8) | (in[at + 1] & 0xFF);
    at += 2;
    return v;
  }

  int u32(String field) throws FrameException {
    need(4, field);
    long v = 0;
    for (int i = 0; i < 4; i++) {
      v = (v << 8) | (in[at + i] & 0xFF);
    }
    if (v > Integer.MAX_VALUE) {
      throw error(field, v + " is too large");
    }
    at += 4;
    return (int) v;
  }

  long u64(String field) throws FrameException {
    need(8, field);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (in[at + i] & 0xFF);
    }
    at += 8;
    return v;
  }

  byte[] bytes(int n, String field) throws FrameException {
    need(n, field);
    byte[] out = Arrays.copyOfRange(in, at, at + n);
    at += n;
    return out;
  }

  byte[] rest() {
    byte[] out = Arrays.copyOfRange(in, at, in.length);
    at = in.length;
    return out;
  }

  /** A name of 1..64 characters from {@code [A-Za-z0-9_-]}, or {@code *} when allowed. */
  String name(String field, boolean starAllowed) throws FrameException {
    int start = at;
    int n = u8(field + ".length");
    if (n < 1 || n > 64) {
      at = start;
      throw error(field + ".length", n + " is not in 1..64");
    }
    int bodyAt = at;
    byte[] raw = bytes(n, field);
    String s = new String(raw, StandardCharsets.US_ASCII);
    if (starAllowed && s.equals("*")) {
      return s;
    }
    for (byte b : raw) {
      if (!nameByte(b)) {
        at = bodyAt;
        throw error(field, "byte " + (b & 0xFF) + " is not in [A-Za-z0-9_-]");
      }
    }
    return s;
  }

  private static boolean nameByte(byte b) {
    return (b >= 'a' && b <= 'z')
        || (b >= 'A' && b <= 'Z')
        || (b >= '0' && b <= '9')
        || b == '_'
        || b == '-';
  }
}
