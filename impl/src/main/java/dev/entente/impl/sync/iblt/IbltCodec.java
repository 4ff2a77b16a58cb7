package dev.entente.impl.sync.iblt;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.rbsr.Fingerprints;
import dev.entente.impl.sync.rbsr.Tag;
import dev.entente.impl.sync.wire.WireReader;
import dev.entente.impl.sync.wire.WireWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical binary encoding of an {@link IbltFrame}, format version 1. Stateless.
 *
 * <pre>
 * [1]  version      1
 * [1]  kind         0 symbols, 1 done
 *   symbols:
 * [1]    flags      bit 0: a salt follows (then firstIndex is 0); other bits 0
 * [16]   salt       if flagged
 * v      firstIndex
 * v      count      at least 1
 *        count times: [32] sum, [8] check, v count zigzag-encoded
 *   done:
 * v      tags.count then [8] each, strictly increasing
 * </pre>
 *
 * <p>Nothing may follow. Every malformed frame is rejected with a {@link DecodeException} naming
 * the byte offset and the field, e.g. {@code frame.symbols[3].count}.
 */
public final class IbltCodec {
  /** The version byte this codec writes and the only one it reads. */
  public static final int VERSION = 1;

  private static final int MIN_SYMBOL = 32 + 8 + 1;

  private IbltCodec() {}

  /** Encodes {@code f} canonically. */
  public static byte[] encode(IbltFrame f) {
    WireWriter w = new WireWriter().u8(VERSION).u8(f.kind().ordinal());
    if (f.kind() == IbltFrame.Kind.SYMBOLS) {
      w.u8(f.salt().length == 0 ? 0 : 1).bytes(f.salt());
      w.varint(f.firstIndex()).varint(f.symbols().size());
      for (Symbol s : f.symbols()) {
        w.bytes(s.sum()).u64(s.check()).varint((s.count() << 1) ^ (s.count() >> 63));
      }
    } else {
      w.varint(f.tags().size());
      f.tags().forEach(t -> w.bytes(t.bytes()));
    }
    return w.toByteArray();
  }

  /**
   * Decodes one frame.
   *
   * @throws DecodeException for anything but a canonical encoding, naming offset and field
   */
  public static IbltFrame decode(byte[] in) throws DecodeException {
    WireReader r = new WireReader(in);
    int version = r.u8("frame.version");
    if (version != VERSION) {
      throw r.error(0, "frame.version", "unsupported version " + version + ", expected 1");
    }
    int kind = r.u8("frame.kind");
    if (kind > 1) {
      throw r.error(1, "frame.kind", "unknown kind " + kind + ", expected 0 or 1");
    }
    IbltFrame f = kind == 0 ? symbols(r) : done(r);
    if (r.remaining() != 0) {
      throw r.error(r.position(), "frame", r.remaining() + " bytes after the frame");
    }
    return f;
  }

  private static IbltFrame symbols(WireReader r) throws DecodeException {
    int flags = r.u8("frame.flags");
    if ((flags & ~1) != 0) {
      throw r.error(2, "frame.flags", "unknown flag bits " + Integer.toBinaryString(flags));
    }
    byte[] salt = flags == 1 ? r.bytes(Fingerprints.SALT_BYTES, "frame.salt") : new byte[0];
    int at = r.position();
    long first = r.varint("frame.firstIndex");
    if (salt.length > 0 && first != 0) {
      throw r.error(at, "frame.firstIndex", "a frame with the salt starts at symbol 0");
    }
    int countAt = r.position();
    int n = r.count("frame.symbols.count", MIN_SYMBOL);
    if (n == 0) {
      throw r.error(countAt, "frame.symbols.count", "a symbols frame carries at least one");
    }
    List<Symbol> symbols = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String field = "frame.symbols[" + i + "]";
      byte[] sum = r.bytes(32, field + ".sum");
      long check = r.u64(field + ".check");
      long z = r.varint(field + ".count");
      symbols.add(new Symbol(sum, check, (z >>> 1) ^ -(z & 1)));
    }
    return new IbltFrame(IbltFrame.Kind.SYMBOLS, salt, first, symbols, List.of());
  }

  private static IbltFrame done(WireReader r) throws DecodeException {
    int n = r.count("frame.tags.count", Tag.BYTES);
    List<Tag> tags = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int at = r.position();
      Tag t = Tag.of(r.bytes(Tag.BYTES, "frame.tags[" + i + "]"));
      if (i > 0 && tags.get(i - 1).compareTo(t) >= 0) {
        throw r.error(at, "frame.tags[" + i + "]", "tags must strictly increase");
      }
      tags.add(t);
    }
    return new IbltFrame(IbltFrame.Kind.DONE, new byte[0], 0, List.of(), tags);
  }
}
