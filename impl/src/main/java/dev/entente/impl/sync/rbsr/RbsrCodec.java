package dev.entente.impl.sync.rbsr;

import dev.entente.impl.codec.DecodeException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical binary encoding of an RBSR {@link Frame}, format version 1. Stateless.
 *
 * <p>Layout ({@code v} is an unsigned LEB128 varint in its shortest form; {@code [n]} is n bytes):
 *
 * <pre>
 * [1]  version            1
 * [1]  flags              bit 0: a salt follows; other bits 0
 * [16] salt               if flagged
 *      ranges, until the end of the frame, at least one:
 * v      timestamp        0 = infinity (last range only), else 1 + (timestamp - previous bound's)
 * v      header           prefix.length &lt;&lt; 2 | mode; prefix.length 0..32 (0 for infinity),
 *                         mode 0 skip, 1 fingerprint, 2 id list, 3 need
 * [n]    prefix           last byte not zero
 * [16]   fingerprint      mode 1
 * v      tags.count       modes 2 and 3: 0..maxTags
 * [8]    tags             count times, strictly increasing ({@link Tag})
 * </pre>
 *
 * <p>Bounds strictly increase; a frame never holds two skips in a row nor ends with one. Varints
 * are a deliberate exception to the fixed-width rule of {@code impl/codec}: deltas of timestamps
 * are small, and the frame budget (1,500 bytes for a million items) needs them; the shortest-form
 * rule keeps the encoding canonical. Every malformed frame is rejected with a {@link
 * DecodeException} naming the byte offset and the field, e.g. {@code frame.ranges[3].tags[1]}.
 */
public final class RbsrCodec {
  /** The version byte this codec writes and the only one it reads. */
  public static final int VERSION = 1;

  private RbsrCodec() {}

  /** Encodes {@code frame} canonically. */
  public static byte[] encode(Frame frame) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(VERSION);
    out.write(frame.salt().length == 0 ? 0 : 1);
    out.writeBytes(frame.salt());
    long prevTs = 0;
    for (Range r : frame.ranges()) {
      out.writeBytes(encodeRange(prevTs, r));
      prevTs = r.upper().isInfinite() ? prevTs : r.upper().timestamp();
    }
    return out.toByteArray();
  }

  /** The encoding of one range after a bound with timestamp {@code prevTs}. */
  static byte[] encodeRange(long prevTs, Range r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Bound b = r.upper();
    varint(out, b.isInfinite() ? 0 : b.timestamp() - prevTs + 1);
    // One varint for both: most bounds need no prefix, so the header is one byte.
    varint(out, ((long) b.prefixLength() << 2) | r.mode().ordinal());
    out.writeBytes(b.prefix());
    out.writeBytes(r.fingerprint());
    if (r.mode() == Mode.ID_LIST || r.mode() == Mode.NEED) {
      varint(out, r.tags().size());
      for (Tag t : r.tags()) {
        out.writeBytes(t.bytes());
      }
    }
    return out.toByteArray();
  }

  /**
   * Decodes one frame whose id lists hold at most {@code maxTags} tags each.
   *
   * @throws DecodeException for anything but a canonical encoding, naming offset and field
   */
  public static Frame decode(byte[] in, int maxTags) throws DecodeException {
    VarReader r = new VarReader(in);
    int version = r.u8("frame.version");
    if (version != VERSION) {
      throw r.error(0, "frame.version", "unsupported version " + version + ", expected 1");
    }
    int flags = r.u8("frame.flags");
    if ((flags & ~1) != 0) {
      throw r.error(1, "frame.flags", "unknown flag bits " + Integer.toBinaryString(flags));
    }
    byte[] salt = flags == 1 ? r.bytes(Fingerprints.SALT_BYTES, "frame.salt") : new byte[0];
    List<Range> ranges = new ArrayList<>();
    Bound prev = null;
    while (r.remaining() > 0) {
      String field = "frame.ranges[" + ranges.size() + "]";
      Range range = RangeDecoder.decode(r, field, prev, maxTags);
      checkSkips(r, ranges, range, field);
      ranges.add(range);
      prev = range.upper();
    }
    if (ranges.isEmpty() || ranges.get(ranges.size() - 1).mode() == Mode.SKIP) {
      throw r.error(in.length, "frame.ranges", "a frame must end with a range that is not a skip");
    }
    return new Frame(salt, ranges);
  }

  private static void checkSkips(VarReader r, List<Range> ranges, Range range, String field)
      throws DecodeException {
    if (range.mode() == Mode.SKIP
        && !ranges.isEmpty()
        && ranges.get(ranges.size() - 1).mode() == Mode.SKIP) {
      throw r.error(r.position(), field + ".mode", "two skips in a row are not canonical");
    }
  }

  private static void varint(ByteArrayOutputStream out, long v) {
    long rest = v;
    while ((rest & ~0x7FL) != 0) {
      out.write((int) ((rest & 0x7F) | 0x80));
      rest >>>= 7;
    }
    out.write((int) rest);
  }
}
