package dev.entente.impl.codec;

import dev.entente.model.Change;
import dev.entente.model.Check;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Key;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical binary encoding of a {@link Change}, format version 1. Stateless and thread-safe.
 *
 * <p>The encoding is canonical: equal changes encode to equal bytes, {@code
 * decode(encode(c)).equals(c)} for every change, and {@code encode(decode(b))} equals {@code b} for
 * every {@code b} that decodes. That is what makes {@link #contentHash} a content address. Every
 * other input is rejected with a {@link DecodeException} that names the byte offset and the field;
 * no other exception escapes {@link #decode} for a non-null input.
 *
 * <p>Layout (all integers big-endian and fixed width; {@code [n]} is n bytes):
 *
 * <pre>
 * size  field                  rule
 * [4]   magic                  "ENTC" (45 4e 54 43)
 * [1]   version                1, or 2 for a change with a schema version
 * [4]   schemaVersion          version 2 only: 1..2^31-1
 * [1]   author.length          1..64
 * [n]   author                 ASCII, [A-Za-z0-9_-]
 * [8]   seq                    1..2^63-1
 * [8]   timestamp.wallMillis   0..2^63-1
 * [2]   timestamp.logical      0..65535
 * [4]   seen.count             u32
 *       seen[i], count times, strictly increasing by replica id (byte order):
 * [1]     replica.length       1..64
 * [n]     replica              ASCII, [A-Za-z0-9_-]
 * [8]     counter              1..2^63-1 (zero entries are never stored)
 *                              the author's entry is present iff seq &gt; 1 and equals seq - 1
 * [4]   ops.count              1..65535
 *       ops[i], count times, in the change's order:
 * [1]     tag                  1 put, 2 delete
 * [2]     key.length           1..1024
 * [n]     key                  strict UTF-8
 * [4]     value.length         puts only: 0..1048576
 * [n]     value                puts only: strict UTF-8
 * [4]   checksum               CRC-32C of every byte before it
 * </pre>
 *
 * <p>Fixed-width integers instead of varints keep canonicity trivial: every value has exactly one
 * spelling. The checksum is checked first, after the length; CRC-32C detects every single-bit
 * error, so a flipped bit is always reported as a checksum mismatch. Changing anything in this
 * layout requires a new version byte (and new golden files); the same layout is documented in
 * {@code impl/FORMAT.md}. Version 2 (issue 12) differs only by the schema version after the version
 * byte; it is written only for changes that carry one, so every schema-less change keeps its
 * version-1 bytes and content hash.
 */
public final class ChangeCodec {
  /** The version byte of a change without a schema version. */
  public static final int VERSION = 1;

  /** The version byte of a change with a schema version (issue 12). */
  public static final int VERSION_WITH_SCHEMA = 2;

  /** Length of the smallest change: author of 1 byte, no seen entries, one delete of 1 byte. */
  static final int MIN_LENGTH = 4 + 1 + 2 + 8 + 10 + 4 + 4 + 4 + 4;

  static final int TAG_PUT = 1;
  static final int TAG_DELETE = 2;

  private static final byte[] MAGIC = {'E', 'N', 'T', 'C'};
  private static final int MIN_SEEN_ENTRY = 1 + 1 + 8;
  private static final int MIN_OP = 1 + 2 + 1;

  private ChangeCodec() {}

  /** Encodes {@code change} canonically. */
  public static byte[] encode(Change change) {
    Check.argument(change != null, "change must not be null");
    ByteWriter out = new ByteWriter(64);
    out.raw(MAGIC);
    if (change.schemaVersion() == Change.NO_SCHEMA) {
      out.u8(VERSION);
    } else {
      out.u8(VERSION_WITH_SCHEMA);
      out.u32(change.schemaVersion());
    }
    writeReplica(out, change.author());
    out.u64(change.seq());
    out.u64(change.timestamp().wallMillis());
    out.u16(change.timestamp().logical());
    writeSeen(out, change.seen());
    out.u32(change.ops().size());
    for (Op op : change.ops()) {
      writeOp(out, op);
    }
    return out.finishWithChecksum();
  }

  /**
   * Decodes a canonical change encoding.
   *
   * @throws DecodeException if {@code bytes} is not exactly one canonical version-1 encoding
   * @throws IllegalArgumentException if {@code bytes} is null
   */
  public static Change decode(byte[] bytes) throws DecodeException {
    Check.argument(bytes != null, "bytes must not be null");
    return decode(bytes, 0, bytes.length, "change");
  }

  /** The SHA-256 of the canonical encoding: equal changes, and only they, hash alike. */
  public static byte[] contentHash(Change change) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(encode(change));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform is required to provide SHA-256.
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** {@link #contentHash} as 64 lowercase hex digits. */
  public static String contentHashHex(Change change) {
    return HexFormat.of().formatHex(contentHash(change));
  }

  /**
   * Decodes the change encoded in {@code in[start, end)}, reporting absolute offsets and field
   * paths under {@code path}. The state codec uses this for the changes it embeds.
   */
  static Change decode(byte[] in, int start, int end, String path) throws DecodeException {
    ByteReader r = ByteReader.checked(in, start, end, path, MIN_LENGTH);
    r.magic(MAGIC, "magic");
    int versionAt = r.position();
    int version = r.u8("version");
    if (version != VERSION && version != VERSION_WITH_SCHEMA) {
      throw r.error(
          versionAt, "version", "unsupported format version %d, expected 1 or 2", version);
    }
    int schemaVersion = version == VERSION ? Change.NO_SCHEMA : readSchemaVersion(r);
    ReplicaId author = readReplica(r, "author");
    long seq = readPositive(r, "seq");
    HlcTimestamp timestamp = readTimestamp(r);
    VersionVector seen = readSeen(r, author, seq);
    List<Op> ops = readOps(r);
    r.requireEnd("the last op");
    try {
      return new Change(author, seq, timestamp, seen, ops, schemaVersion);
    } catch (IllegalArgumentException e) {
      throw r.rejected(start, "", e);
    }
  }

  private static int readSchemaVersion(ByteReader r) throws DecodeException {
    int at = r.position();
    long v = r.u32("schemaVersion");
    if (v < 1 || v > Integer.MAX_VALUE) {
      throw r.error(at, "schemaVersion", "schema version must be in [1, 2^31-1], was %d", v);
    }
    return (int) v;
  }

  private static void writeReplica(ByteWriter out, ReplicaId replica) {
    byte[] bytes = replica.value().getBytes(StandardCharsets.US_ASCII);
    out.u8(bytes.length);
    out.raw(bytes);
  }

  private static void writeSeen(ByteWriter out, VersionVector seen) {
    out.u32(seen.entries().size());
    // entries() is sorted by replica id, which for ASCII ids is byte order.
    for (Map.Entry<ReplicaId, Long> e : seen.entries().entrySet()) {
      writeReplica(out, e.getKey());
      out.u64(e.getValue());
    }
  }

  private static void writeOp(ByteWriter out, Op op) {
    byte[] key = op.key().value().getBytes(StandardCharsets.UTF_8);
    // Java 17 has no pattern switch; Op is sealed, so these two branches are exhaustive.
    if (op instanceof Op.Put put) {
      out.u8(TAG_PUT);
      writeKey(out, key);
      byte[] value = put.value().value().getBytes(StandardCharsets.UTF_8);
      out.u32(value.length);
      out.raw(value);
    } else {
      out.u8(TAG_DELETE);
      writeKey(out, key);
    }
  }

  private static void writeKey(ByteWriter out, byte[] key) {
    out.u16(key.length);
    out.raw(key);
  }

  private static ReplicaId readReplica(ByteReader r, String field) throws DecodeException {
    int lengthAt = r.position();
    int length = r.u8(field + ".length");
    if (length < 1 || length > ReplicaId.MAX_LENGTH) {
      throw r.error(
          lengthAt,
          field + ".length",
          "replica id length must be in [1, %d], was %d",
          ReplicaId.MAX_LENGTH,
          length);
    }
    int at = r.position();
    String text = r.utf8(length, field);
    try {
      return ReplicaId.of(text);
    } catch (IllegalArgumentException e) {
      throw r.rejected(at, field, e);
    }
  }

  /** Reads a counter-like u64 that must be in [1, 2^63-1]. */
  private static long readPositive(ByteReader r, String field) throws DecodeException {
    int at = r.position();
    long v = r.i64(field);
    if (v < 1) {
      throw r.error(at, field, "must be in [1, 2^63-1], was %s", Long.toUnsignedString(v));
    }
    return v;
  }

  private static HlcTimestamp readTimestamp(ByteReader r) throws DecodeException {
    int at = r.position();
    long wallMillis = r.i64("timestamp.wallMillis");
    if (wallMillis < 0) {
      throw r.error(
          at,
          "timestamp.wallMillis",
          "must be in [0, 2^63-1], was %s",
          Long.toUnsignedString(wallMillis));
    }
    int logical = r.u16("timestamp.logical");
    return new HlcTimestamp(wallMillis, logical);
  }

  private static VersionVector readSeen(ByteReader r, ReplicaId author, long seq)
      throws DecodeException {
    int countAt = r.position();
    long count = r.u32("seen.count");
    r.requireEntries(count, MIN_SEEN_ENTRY, countAt, "seen.count");
    TreeMap<ReplicaId, Long> entries = new TreeMap<>();
    ReplicaId previous = null;
    int authorAt = countAt;
    for (int i = 0; i < count; i++) {
      String field = "seen[" + i + "]";
      int at = r.position();
      ReplicaId replica = readReplica(r, field + ".replica");
      if (previous != null && replica.compareTo(previous) <= 0) {
        throw r.error(
            at,
            field + ".replica",
            "replica id \"%s\" is not after \"%s\": entries must be strictly increasing",
            replica,
            previous);
      }
      int counterAt = r.position();
      entries.put(replica, readPositive(r, field + ".counter"));
      authorAt = replica.equals(author) ? counterAt : authorAt;
      previous = replica;
    }
    // Change normalises the author's entry to seq - 1; accepting any other spelling would let two
    // byte strings decode to the same change.
    long authorSeen = entries.getOrDefault(author, 0L);
    if (authorSeen != seq - 1) {
      throw r.error(
          authorAt,
          "seen",
          "entry for the author %s must be seq - 1 = %d, was %d",
          author,
          seq - 1,
          authorSeen);
    }
    return VersionVector.of(entries);
  }

  private static List<Op> readOps(ByteReader r) throws DecodeException {
    int countAt = r.position();
    long count = r.u32("ops.count");
    if (count < 1 || count > Change.MAX_OPS) {
      throw r.error(
          countAt, "ops.count", "op count must be in [1, %d], was %d", Change.MAX_OPS, count);
    }
    r.requireEntries(count, MIN_OP, countAt, "ops.count");
    List<Op> ops = new ArrayList<>((int) count);
    for (int i = 0; i < count; i++) {
      ops.add(readOp(r, "ops[" + i + "]"));
    }
    return ops;
  }

  private static Op readOp(ByteReader r, String field) throws DecodeException {
    int tagAt = r.position();
    int tag = r.u8(field + ".tag");
    if (tag != TAG_PUT && tag != TAG_DELETE) {
      throw r.error(tagAt, field + ".tag", "unknown op tag %d (1 put, 2 delete)", tag);
    }
    Key key = readKey(r, field + ".key");
    if (tag == TAG_DELETE) {
      return new Op.Delete(key);
    }
    return new Op.Put(key, readValue(r, field + ".value"));
  }

  private static Key readKey(ByteReader r, String field) throws DecodeException {
    int lengthAt = r.position();
    int length = r.u16(field + ".length");
    if (length < 1 || length > Key.MAX_UTF8_BYTES) {
      throw r.error(
          lengthAt,
          field + ".length",
          "key length must be in [1, %d], was %d",
          Key.MAX_UTF8_BYTES,
          length);
    }
    int at = r.position();
    String text = r.utf8(length, field);
    try {
      return Key.of(text);
    } catch (IllegalArgumentException e) {
      throw r.rejected(at, field, e);
    }
  }

  private static Value readValue(ByteReader r, String field) throws DecodeException {
    int lengthAt = r.position();
    long length = r.u32(field + ".length");
    if (length > Value.MAX_UTF8_BYTES) {
      throw r.error(
          lengthAt,
          field + ".length",
          "value length must be in [0, %d], was %d",
          Value.MAX_UTF8_BYTES,
          length);
    }
    int at = r.position();
    String text = r.utf8(length, field);
    try {
      return Value.of(text);
    } catch (IllegalArgumentException e) {
      throw r.rejected(at, field, e);
    }
  }
}
