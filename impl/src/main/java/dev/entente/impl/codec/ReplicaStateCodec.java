package dev.entente.impl.codec;

import dev.entente.impl.ReplicaState;
import dev.entente.model.Change;
import dev.entente.model.Check;
import dev.entente.model.Dot;
import dev.entente.model.RegisterPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical binary encoding of a {@link ReplicaState}, format version 1: the state gossiped
 * between replicas and written to disk. Stateless and thread-safe.
 *
 * <p>Canonical in the same sense as {@link ChangeCodec}: equal states encode to equal bytes, {@code
 * decode(encode(s)).equals(s)}, and {@code encode(decode(b))} equals {@code b} for every {@code b}
 * that decodes. Every other input is rejected with a {@link DecodeException}; no other exception
 * escapes {@link #decode} for a non-null input.
 *
 * <p>Layout (all integers big-endian and fixed width; {@code [n]} is n bytes):
 *
 * <pre>
 * size  field                  rule
 * [4]   magic                  "ENTS" (45 4e 54 53)
 * [1]   version                1
 * [1]   policy                 1 LWW, 2 MV, 3 CAUSAL_GROUP
 * [4]   changes.count          u32
 *       changes[i], count times, strictly increasing by dot (replica id, then counter):
 * [4]     length               byte length of the change encoding that follows
 * [n]     change               a complete {@link ChangeCodec} encoding, its own checksum included
 * [4]   checksum               CRC-32C of every byte before it
 * </pre>
 *
 * <p>Each embedded change keeps its own checksum so that it can be cut out and shipped, or
 * content-hashed, without re-encoding. Policy tags are fixed numbers, not enum ordinals, so that
 * reordering {@link RegisterPolicy} cannot silently change the format. Changing anything in this
 * layout requires a new version byte (and new golden files).
 */
public final class ReplicaStateCodec {
  /** The version byte this codec writes and the only one it reads. */
  public static final int VERSION = 1;

  /** Length of the smallest state: no changes. */
  static final int MIN_LENGTH = 4 + 1 + 1 + 4 + 4;

  private static final byte[] MAGIC = {'E', 'N', 'T', 'S'};
  private static final int MIN_CHANGE_ENTRY = 4 + ChangeCodec.MIN_LENGTH;

  private ReplicaStateCodec() {}

  /** Encodes {@code state} canonically. */
  public static byte[] encode(ReplicaState state) {
    Check.argument(state != null, "state must not be null");
    ByteWriter out = new ByteWriter(64 + 64 * state.changes().size());
    out.raw(MAGIC);
    out.u8(VERSION);
    out.u8(policyTag(state.policy()));
    out.u32(state.changes().size());
    // ReplicaState keeps its changes sorted by dot without duplicates: already canonical.
    for (Change change : state.changes()) {
      byte[] encoded = ChangeCodec.encode(change);
      out.u32(encoded.length);
      out.raw(encoded);
    }
    return out.finishWithChecksum();
  }

  /**
   * Decodes a canonical state encoding.
   *
   * @throws DecodeException if {@code bytes} is not exactly one canonical version-1 encoding
   * @throws IllegalArgumentException if {@code bytes} is null
   */
  public static ReplicaState decode(byte[] bytes) throws DecodeException {
    Check.argument(bytes != null, "bytes must not be null");
    ByteReader r = ByteReader.checked(bytes, 0, bytes.length, "state", MIN_LENGTH);
    r.magic(MAGIC, "magic");
    r.version(VERSION);
    RegisterPolicy policy = readPolicy(r);
    List<Change> changes = readChanges(r, bytes);
    r.requireEnd("the last change");
    try {
      return new ReplicaState(policy, changes);
    } catch (IllegalArgumentException e) {
      throw r.rejected(0, "", e);
    }
  }

  private static int policyTag(RegisterPolicy policy) {
    return switch (policy) {
      case LWW -> 1;
      case MV -> 2;
      case CAUSAL_GROUP -> 3;
    };
  }

  private static RegisterPolicy readPolicy(ByteReader r) throws DecodeException {
    int at = r.position();
    int tag = r.u8("policy");
    return switch (tag) {
      case 1 -> RegisterPolicy.LWW;
      case 2 -> RegisterPolicy.MV;
      case 3 -> RegisterPolicy.CAUSAL_GROUP;
      default ->
          throw r.error(at, "policy", "unknown policy tag %d (1 LWW, 2 MV, 3 CAUSAL_GROUP)", tag);
    };
  }

  private static List<Change> readChanges(ByteReader r, byte[] bytes) throws DecodeException {
    int countAt = r.position();
    long count = r.u32("changes.count");
    r.requireEntries(count, MIN_CHANGE_ENTRY, countAt, "changes.count");
    List<Change> changes = new ArrayList<>((int) count);
    Dot previous = null;
    for (int i = 0; i < count; i++) {
      String field = "changes[" + i + "]";
      int lengthAt = r.position();
      long length = r.u32(field + ".length");
      if (length > r.remaining()) {
        throw r.error(
            lengthAt,
            field + ".length",
            "length %d exceeds the %d bytes that remain",
            length,
            r.remaining());
      }
      int start = r.position();
      r.skip((int) length);
      Change change = ChangeCodec.decode(bytes, start, start + (int) length, "state." + field);
      if (previous != null && change.dot().compareTo(previous) <= 0) {
        throw r.error(
            start,
            field,
            "dot %s is not after %s: changes must be strictly increasing by dot",
            change.dot(),
            previous);
      }
      changes.add(change);
      previous = change.dot();
    }
    return changes;
  }
}
