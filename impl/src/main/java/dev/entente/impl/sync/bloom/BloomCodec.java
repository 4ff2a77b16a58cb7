package dev.entente.impl.sync.bloom;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.rbsr.SyncId;
import dev.entente.impl.sync.wire.WireReader;
import dev.entente.impl.sync.wire.WireWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The canonical binary encoding of a {@link BloomMessage}, format version 1. Stateless.
 *
 * <p>Layout ({@code v} an unsigned LEB128 varint in its shortest form, {@code [n]} n bytes):
 *
 * <pre>
 * [1]  version          1
 * v    heads.count      then [32] each, strictly increasing
 * v    need.count       then [32] each, strictly increasing
 * [1]  have             0 none, 1 unkeyed filter, 2 keyed filter
 * v      lastSync.count then [32] each, strictly increasing
 * [16]   salt           keyed only
 * v      entries
 * [1]    bitsPerEntry   10
 * [1]    probes         7
 * [n]    bits           n = ceil(entries * 10 / 8); probes range over all 8n bits
 * v    changes.count    then each: v length, [length] body ({@link Change}), no id twice
 * </pre>
 *
 * <p>Nothing may follow the last change. Every malformed message is rejected with a {@link
 * DecodeException} naming the byte offset and the field, e.g. {@code message.changes[2].deps[0]}.
 */
public final class BloomCodec {
  /** The version byte this codec writes and the only one it reads. */
  public static final int VERSION = 1;

  private static final int MIN_BODY = 17;

  private BloomCodec() {}

  /** Encodes {@code m} canonically. */
  public static byte[] encode(BloomMessage m) {
    WireWriter w = new WireWriter().u8(VERSION).sortedIds(m.heads()).sortedIds(m.need());
    if (m.have().isEmpty()) {
      w.u8(0);
    } else {
      Have h = m.have().get();
      BloomFilter f = h.filter();
      w.u8(f.isKeyed() ? 2 : 1).sortedIds(h.lastSync()).bytes(f.salt());
      w.varint(f.entries()).u8(BloomFilter.BITS_PER_ENTRY).u8(BloomFilter.PROBES).bytes(f.bits());
    }
    w.varint(m.changes().size());
    for (Change c : m.changes()) {
      byte[] body = c.body();
      w.varint(body.length).bytes(body);
    }
    return w.toByteArray();
  }

  /**
   * Decodes one message.
   *
   * @throws DecodeException for anything but a canonical encoding, naming offset and field
   */
  public static BloomMessage decode(byte[] in) throws DecodeException {
    WireReader r = new WireReader(in);
    int version = r.u8("message.version");
    if (version != VERSION) {
      throw r.error(0, "message.version", "unsupported version " + version + ", expected 1");
    }
    List<SyncId> heads = r.sortedIds("message.heads");
    List<SyncId> need = r.sortedIds("message.need");
    Optional<Have> have = have(r);
    List<Change> changes = changes(r);
    if (r.remaining() != 0) {
      throw r.error(r.position(), "message", r.remaining() + " bytes after the last change");
    }
    return new BloomMessage(heads, need, have, changes);
  }

  private static Optional<Have> have(WireReader r) throws DecodeException {
    int at = r.position();
    int kind = r.u8("message.have");
    if (kind == 0) {
      return Optional.empty();
    }
    if (kind > 2) {
      throw r.error(at, "message.have", "unknown kind " + kind + ", expected 0, 1 or 2");
    }
    List<SyncId> lastSync = r.sortedIds("message.have.lastSync");
    byte[] salt = kind == 2 ? r.bytes(BloomFilter.SALT_BYTES, "message.have.salt") : new byte[0];
    int entriesAt = r.position();
    long entries = r.varint("message.have.entries");
    if (entries > (long) r.remaining() * 8 / BloomFilter.BITS_PER_ENTRY) {
      throw r.error(entriesAt, "message.have.entries", entries + " entries exceed the frame");
    }
    expect(r, BloomFilter.BITS_PER_ENTRY, "message.have.bitsPerEntry");
    expect(r, BloomFilter.PROBES, "message.have.probes");
    int n = BloomFilter.byteLength((int) entries);
    byte[] bits = r.bytes(n, "message.have.bits");
    return Optional.of(new Have(lastSync, BloomFilter.fromWire((int) entries, bits, salt)));
  }

  private static void expect(WireReader r, int value, String field) throws DecodeException {
    int at = r.position();
    int v = r.u8(field);
    if (v != value) {
      throw r.error(at, field, "is " + v + ", this codec supports " + value + " only");
    }
  }

  private static List<Change> changes(WireReader r) throws DecodeException {
    int n = r.count("message.changes.count", MIN_BODY + 1);
    List<Change> out = new ArrayList<>(n);
    Set<SyncId> seen = new HashSet<>();
    for (int i = 0; i < n; i++) {
      String field = "message.changes[" + i + "]";
      int at = r.position();
      long length = r.varint(field + ".length");
      if (length > r.remaining()) {
        throw r.error(at, field + ".length", length + " bytes, " + r.remaining() + " remain");
      }
      int bodyAt = r.position();
      Change c = Change.decode(r.bytes((int) length, field), bodyAt, field);
      if (!seen.add(c.id())) {
        throw r.error(at, field, "the same change twice in one message");
      }
      out.add(c);
    }
    return out;
  }
}
