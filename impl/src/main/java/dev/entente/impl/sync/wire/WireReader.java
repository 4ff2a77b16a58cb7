package dev.entente.impl.sync.wire;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.rbsr.SyncId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A bounds-checked cursor over one sync frame; every read names its field, so a rejection says
 * where and what. One per decoding; not thread-safe.
 */
public final class WireReader {
  private final byte[] in;
  private int pos;

  /** A reader at the start of {@code in} (not copied: the caller keeps it unchanged). */
  public WireReader(byte[] in) {
    this.in = in;
  }

  public int position() {
    return pos;
  }

  public int remaining() {
    return in.length - pos;
  }

  /** A rejection at {@code offset} while reading {@code field}. */
  public DecodeException error(int offset, String field, String reason) {
    return new DecodeException(offset, field, reason);
  }

  public int u8(String field) throws DecodeException {
    require(1, field);
    return in[pos++] & 0xFF;
  }

  /** A big-endian 8-byte word. */
  public long u64(String field) throws DecodeException {
    require(8, field);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (in[pos++] & 0xFF);
    }
    return v;
  }

  public byte[] bytes(int n, String field) throws DecodeException {
    require(n, field);
    byte[] out = Arrays.copyOfRange(in, pos, pos + n);
    pos += n;
    return out;
  }

  /** Reads an unsigned LEB128 varint of at most 9 bytes (63 bits) in its shortest form. */
  public long varint(String field) throws DecodeException {
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

  /**
   * A count of elements of at least {@code minBytes} bytes each: rejected when the rest of the
   * frame could not hold that many, so a forged count never makes the decoder allocate.
   */
  public int count(String field, int minBytes) throws DecodeException {
    int at = pos;
    long n = varint(field);
    if (n > remaining() / Math.max(1, minBytes)) {
      throw error(
          at, field, "count " + n + " exceeds what the " + remaining() + " bytes left hold");
    }
    return (int) n;
  }

  /** A count, then that many ids in strictly increasing order (the canonical set encoding). */
  public List<SyncId> sortedIds(String field) throws DecodeException {
    int n = count(field + ".count", SyncId.BYTES);
    List<SyncId> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int at = pos;
      SyncId id = SyncId.of(bytes(SyncId.BYTES, field + "[" + i + "]"));
      if (i > 0 && out.get(i - 1).compareTo(id) >= 0) {
        throw error(at, field + "[" + i + "]", "ids must strictly increase");
      }
      out.add(id);
    }
    return out;
  }

  private void require(int n, String field) throws DecodeException {
    if (n > in.length - pos) {
      throw error(pos, field, "truncated: needs " + n + " bytes, " + (in.length - pos) + " remain");
    }
  }
}
