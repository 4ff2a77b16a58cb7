package dev.entente.impl.sync.merkle;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.rbsr.Fingerprints;
import dev.entente.impl.sync.rbsr.Tag;
import dev.entente.impl.sync.wire.WireReader;
import dev.entente.impl.sync.wire.WireWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical binary encoding of a {@link MerkleFrame}, format version 1. Stateless.
 *
 * <p>Layout ({@code v} an unsigned LEB128 varint in its shortest form, {@code [n]} n bytes):
 *
 * <pre>
 * [1]  version        1
 * [1]  flags          bit 0: a salt follows; other bits 0
 * [16] salt           if flagged
 *      entries, until the end of the frame, at least one:
 * [1]    header       depth &lt;&lt; 2 | kind; depth 0..16, kind 0 split, 1 ids, 2 need
 * v      prefix       the bucket at that depth (0 for the root)
 * [4]    states       split: 2 bits per child, child 0 lowest; 0 empty, 1 fingerprint, 2 expanded
 * [16]   fingerprint  split: one per fingerprint child, in child order
 * v      tags.count   ids and need
 * [8]    tags         strictly increasing
 * </pre>
 *
 * <p>Every malformed frame is rejected with a {@link DecodeException} naming the byte offset and
 * the field, e.g. {@code frame.entries[2].states}.
 */
public final class MerkleCodec {
  /** The version byte this codec writes and the only one it reads. */
  public static final int VERSION = 1;

  private MerkleCodec() {}

  /** Encodes {@code frame} canonically. */
  public static byte[] encode(MerkleFrame frame) {
    WireWriter w = new WireWriter().u8(VERSION).u8(frame.salt().length == 0 ? 0 : 1);
    w.bytes(frame.salt());
    frame.entries().forEach(e -> w.bytes(encodeEntry(e)));
    return w.toByteArray();
  }

  /** The encoding of one entry. */
  static byte[] encodeEntry(Entry e) {
    WireWriter w = new WireWriter().u8(e.node().depth() << 2 | e.kind().ordinal());
    w.varint(e.node().prefix());
    if (e.kind() == Entry.Kind.SPLIT) {
      long states = 0;
      for (int i = 0; i < Node.BRANCHING; i++) {
        states |= (long) e.children().get(i).state().ordinal() << (2 * i);
      }
      for (int b = 0; b < 4; b++) {
        w.u8((int) (states >>> (8 * b)) & 0xFF);
      }
      e.children().forEach(c -> w.bytes(c.fingerprint()));
    } else {
      w.varint(e.tags().size());
      e.tags().forEach(t -> w.bytes(t.bytes()));
    }
    return w.toByteArray();
  }

  /**
   * Decodes one frame.
   *
   * @throws DecodeException for anything but a canonical encoding, naming offset and field
   */
  public static MerkleFrame decode(byte[] in) throws DecodeException {
    WireReader r = new WireReader(in);
    int version = r.u8("frame.version");
    if (version != VERSION) {
      throw r.error(0, "frame.version", "unsupported version " + version + ", expected 1");
    }
    int flags = r.u8("frame.flags");
    if ((flags & ~1) != 0) {
      throw r.error(1, "frame.flags", "unknown flag bits " + Integer.toBinaryString(flags));
    }
    byte[] salt = flags == 1 ? r.bytes(Fingerprints.SALT_BYTES, "frame.salt") : new byte[0];
    List<Entry> entries = new ArrayList<>();
    while (r.remaining() > 0) {
      entries.add(entry(r, "frame.entries[" + entries.size() + "]"));
    }
    if (entries.isEmpty()) {
      throw r.error(in.length, "frame.entries", "a frame has at least one entry");
    }
    return new MerkleFrame(salt, entries);
  }

  private static Entry entry(WireReader r, String field) throws DecodeException {
    Head head = head(r, field);
    Node node = head.node();
    int kind = head.kind();
    if (kind == Entry.Kind.SPLIT.ordinal()) {
      if (node.isLeaf()) {
        throw r.error(r.position(), field + ".header", "a leaf bucket does not split");
      }
      return Entry.split(node, children(r, field, node));
    }
    int n = r.count(field + ".tags.count", Tag.BYTES);
    List<Tag> tags = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int at = r.position();
      Tag t = Tag.of(r.bytes(Tag.BYTES, field + ".tags[" + i + "]"));
      if (i > 0 && tags.get(i - 1).compareTo(t) >= 0) {
        throw r.error(at, field + ".tags[" + i + "]", "tags must strictly increase");
      }
      tags.add(t);
    }
    return new Entry(node, Entry.Kind.values()[kind], List.of(), tags);
  }

  private record Head(Node node, int kind) {}

  private static Head head(WireReader r, String field) throws DecodeException {
    int at = r.position();
    int header = r.u8(field + ".header");
    int depth = header >>> 2;
    int kind = header & 3;
    if (kind == 3 || depth > Node.LEAF_DEPTH) {
      throw r.error(at, field + ".header", "kind " + kind + " or depth " + depth + " unknown");
    }
    int prefixAt = r.position();
    long prefix = r.varint(field + ".prefix");
    if (prefix > Node.maxPrefix(depth)) {
      throw r.error(prefixAt, field + ".prefix", prefix + " beyond the buckets at depth " + depth);
    }
    return new Head(new Node(depth, prefix), kind);
  }

  private static List<Entry.Child> children(WireReader r, String field, Node node)
      throws DecodeException {
    int at = r.position();
    long states = 0;
    for (int b = 0; b < 4; b++) {
      states |= (long) r.u8(field + ".states") << (8 * b);
    }
    List<Entry.Child> out = new ArrayList<>(Node.BRANCHING);
    for (int i = 0; i < Node.BRANCHING; i++) {
      int s = (int) (states >>> (2 * i)) & 3;
      if (s == 3 || (s != 0 && !node.hasChild(i))) {
        throw r.error(at, field + ".states", "child " + i + " has state " + s);
      }
      Entry.State state = Entry.State.values()[s];
      byte[] fp =
          state == Entry.State.FINGERPRINT
              ? r.bytes(Fingerprints.BYTES, field + ".children[" + i + "].fingerprint")
              : new byte[0];
      out.add(new Entry.Child(state, fp));
    }
    return out;
  }
}
