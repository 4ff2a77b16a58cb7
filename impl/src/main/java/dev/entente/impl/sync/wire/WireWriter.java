package dev.entente.impl.sync.wire;

import dev.entente.impl.sync.rbsr.SyncId;
import java.io.ByteArrayOutputStream;
import java.util.Collection;
import java.util.TreeSet;

/** Appends the encodings {@link WireReader} reads back. One per encoding; not thread-safe. */
public final class WireWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public WireWriter u8(int v) {
    out.write(v);
    return this;
  }

  /** A big-endian 8-byte word. */
  public WireWriter u64(long v) {
    for (int i = 7; i >= 0; i--) {
      out.write((int) (v >>> (8 * i)));
    }
    return this;
  }

  public WireWriter bytes(byte[] b) {
    out.writeBytes(b);
    return this;
  }

  /** An unsigned LEB128 varint in its shortest form; {@code v} must not be negative. */
  public WireWriter varint(long v) {
    long rest = v;
    while ((rest & ~0x7FL) != 0) {
      out.write((int) ((rest & 0x7F) | 0x80));
      rest >>>= 7;
    }
    out.write((int) rest);
    return this;
  }

  /** A count, then the ids sorted: one spelling for every set. */
  public WireWriter sortedIds(Collection<SyncId> ids) {
    TreeSet<SyncId> sorted = new TreeSet<>(ids);
    varint(sorted.size());
    sorted.forEach(id -> out.writeBytes(id.bytes()));
    return this;
  }

  public int size() {
    return out.size();
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }
}
