package dev.entente.impl.sync.rbsr;

import dev.entente.impl.codec.DecodeException;
import java.util.Arrays;

/** A bounds-checked cursor over one RBSR frame; every read names its field. One per decoding. */
final class VarReader {
  private final byte[] in;
  private int pos;

  VarReader(byte[] in) {
    this.in = in;
  }

  int position() {
    return pos;
  }

  int remaining() {
    return in.length - pos;
  }

  DecodeException error(int offset, String field, String reason) {
    return new DecodeException(offset, field, reason);
  }

  int u8(String field) throws DecodeException {
    require(1, field);
    return in[pos++] & 0xFF;
  }

  byte[] bytes(int n, String field) throws DecodeException {
    require(n, field);
    byte[] out = Arrays.copyOfRange(in, pos, pos + n);
    pos += n;
    return out;
  }

  /** Reads an unsigned LEB128 varint of at most 9 bytes (63 bits) in its shortest form. */
  long varint(String field) throws DecodeException {
    int at = pos;
    long v = 0;
    for (int i = 0; i < 9; i++) {
      int b = u8(field);
      v |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        if (b == 0 && i > 0) {
          throw error(at, field, "varint not in its shortest form");
        }
        return v;
      }
    }
    throw error(at, field, "varint longer than 9 bytes");
  }

  private void require(int n, String field) throws DecodeException {
    if (n > in.length - pos) {
      throw error(pos, field, "truncated: needs " + n + " bytes, " + (in.length - pos) + " remain");
    }
  }
}
