package dev.entente.impl.codec;

import dev.entente.impl.snapshot.Snapshot;
import dev.entente.model.Check;
import java.util.Arrays;
import java.util.zip.CRC32C;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The canonical binary encoding of a {@link Snapshot}, format version 1. Stateless and thread-safe;
 * docs/compaction.md describes the format field by field.
 *
 * <p>Layout: the magic {@code "ENSN"}, the version byte, then three sections in a fixed order (1
 * meta: replica table, policy, delivered dots, GC state, clock; 2 entries; 3 pending). Each section
 * is {@code [1] id, varint rawLength, varint storedLength, [storedLength] zlib-deflated body, [4]
 * CRC-32C} of the section's bytes from its id to the end of its body. Varints are minimal unsigned
 * LEB128.
 *
 * <p>Canonical: equal snapshots encode to equal bytes, and {@code decode(encode(s)).equals(s)}. The
 * decoder re-encodes every inflated body and refuses one that differs from what the encoder would
 * have written (so unsorted entries, unused replicas or overlong varints are refused), which makes
 * the inflated content the one canonical form of the state; the deflate stream itself is the JDK's
 * deterministic output at the best compression level. Every damaged input (any truncation, any
 * single flipped bit) is refused with a {@link DecodeException} naming the byte offset and the
 * field: section checksums are verified before their bodies are inflated.
 */
public final class SnapshotCodec {
  /** The version byte this codec writes and the only one it reads. */
  public static final int VERSION = 1;

  /** Largest inflated section this decoder accepts. */
  static final int MAX_RAW_SECTION = 256 << 20;

  private static final byte[] MAGIC = {'E', 'N', 'S', 'N'};
  private static final String[] SECTIONS = {"meta", "entries", "pending"};

  private SnapshotCodec() {}

  /** Encodes {@code snapshot} canonically. */
  public static byte[] encode(Snapshot snapshot) {
    Check.argument(snapshot != null, "snapshot must not be null");
    byte[][] bodies = SnapshotBody.encode(snapshot);
    VarWriter out = new VarWriter();
    out.raw(MAGIC);
    out.u8(VERSION);
    for (int i = 0; i < bodies.length; i++) {
      int start = out.size();
      byte[] deflated = deflate(bodies[i]);
      out.u8(i + 1);
      out.varint(bodies[i].length);
      out.varint(deflated.length);
      out.raw(deflated);
      byte[] sofar = out.toByteArray();
      CRC32C crc = new CRC32C();
      crc.update(sofar, start, sofar.length - start);
      out.u32(crc.getValue());
    }
    return out.toByteArray();
  }

  /** The inflated (raw) sizes of the three sections: what the encoding costs before deflate. */
  public static int rawSize(Snapshot snapshot) {
    int n = MAGIC.length + 1;
    for (byte[] body : SnapshotBody.encode(snapshot)) {
      n += body.length + 1 + 5 + 5 + 4;
    }
    return n;
  }

  /**
   * Decodes a snapshot.
   *
   * @throws DecodeException if {@code bytes} is not a canonical version-1 snapshot, with the byte
   *     offset and the field where the damage was found
   */
  public static Snapshot decode(byte[] bytes) throws DecodeException {
    Check.argument(bytes != null, "bytes must not be null");
    VarReader r = new VarReader(bytes, 0, "snapshot", 0, false);
    magic(r, bytes);
    int at = r.position();
    int version = r.u8("version");
    if (version != VERSION) {
      throw r.error(
          at, "version", "unsupported version %d, this decoder reads %d", version, VERSION);
    }
    byte[][] bodies = new byte[SECTIONS.length][];
    int[] starts = new int[SECTIONS.length];
    for (int i = 0; i < SECTIONS.length; i++) {
      starts[i] = r.position();
      bodies[i] = section(r, bytes, i);
    }
    r.requireEnd("the pending section");
    Snapshot snapshot = SnapshotBody.decode(bodies, starts);
    requireCanonical(snapshot, bodies, starts);
    return snapshot;
  }

  private static void magic(VarReader r, byte[] bytes) throws DecodeException {
    for (int i = 0; i < MAGIC.length; i++) {
      if (r.u8("magic") != (MAGIC[i] & 0xFF)) {
        throw r.error(i, "magic", "bad magic: expected \"ENSN\"");
      }
    }
  }

  /** Reads, checks and inflates section {@code index}. */
  private static byte[] section(VarReader r, byte[] bytes, int index) throws DecodeException {
    String name = SECTIONS[index];
    int start = r.position();
    int id = r.u8(name + ".id");
    if (id != index + 1) {
      throw r.error(start, name + ".id", "expected section %d (%s), found %d", index + 1, name, id);
    }
    long raw = r.varint(name + ".rawLength", MAX_RAW_SECTION);
    int lengthAt = r.position();
    long stored = r.varint(name + ".storedLength", r.remaining());
    int bodyAt = r.position();
    byte[] deflated = r.bytes(stored, name + ".body");
    int crcAt = r.position();
    long storedCrc = r.u32(name + ".checksum");
    CRC32C crc = new CRC32C();
    crc.update(bytes, start, crcAt - start);
    if (crc.getValue() != storedCrc) {
      throw r.error(
          crcAt,
          name + ".checksum",
          "CRC-32C mismatch over bytes %d..%d: stored 0x%08x, computed 0x%08x",
          start,
          crcAt,
          storedCrc,
          crc.getValue());
    }
    return inflate(deflated, (int) raw, bodyAt, name, lengthAt);
  }

  private static void requireCanonical(Snapshot snapshot, byte[][] bodies, int[] starts)
      throws DecodeException {
    byte[][] canonical = SnapshotBody.encode(snapshot);
    for (int i = 0; i < bodies.length; i++) {
      int diff = Arrays.mismatch(bodies[i], canonical[i]);
      if (diff >= 0) {
        throw new DecodeException(
            starts[i],
            "snapshot." + SECTIONS[i],
            "not the canonical encoding of its content: first difference at inflated byte " + diff);
      }
    }
  }

  static byte[] deflate(byte[] raw) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try {
      deflater.setInput(raw);
      deflater.finish();
      VarWriter out = new VarWriter();
      byte[] buf = new byte[8192];
      while (!deflater.finished()) {
        int n = deflater.deflate(buf);
        out.raw(buf, 0, n);
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static byte[] inflate(byte[] deflated, int rawLength, int at, String name, int lengthAt)
      throws DecodeException {
    String field = "snapshot." + name + ".body";
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(deflated);
      byte[] out = new byte[rawLength];
      int n = 0;
      while (n < rawLength && !inflater.finished()) {
        int k = inflater.inflate(out, n, rawLength - n);
        if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        n += k;
      }
      if (!inflater.finished() && inflater.inflate(new byte[1]) > 0) {
        throw new DecodeException(lengthAt, field, "inflates to more than " + rawLength + " bytes");
      }
      if (!inflater.finished() || n != rawLength || inflater.getRemaining() != 0) {
        throw new DecodeException(
            lengthAt,
            field,
            "inflates to "
                + n
                + " of the declared "
                + rawLength
                + " bytes (stream finished: "
                + inflater.finished()
                + ", bytes left: "
                + inflater.getRemaining()
                + ")");
      }
      return out;
    } catch (DataFormatException e) {
      throw new DecodeException(at, field, "bad deflate stream: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }
}
