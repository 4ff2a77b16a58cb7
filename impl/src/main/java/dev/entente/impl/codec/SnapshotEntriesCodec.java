package dev.entente.impl.codec;

import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The entries section of a snapshot: the trimmed changes, delta-encoded against the entry before
 * (same author: the sequence number as a difference; timestamps as a signed difference; keys as the
 * length of the prefix shared with the previous key plus the rest). See docs/compaction.md.
 */
final class SnapshotEntriesCodec {
  private static final int DELETE = 0;
  private static final int PUT = 1;

  private SnapshotEntriesCodec() {}

  static byte[] encode(RegisterPolicy policy, List<Change> entries, Map<ReplicaId, Integer> index) {
    VarWriter out = new VarWriter();
    out.varint(entries.size());
    Cursor at = new Cursor();
    for (Change e : entries) {
      int author = Objects.requireNonNull(index.get(e.author()));
      out.varint(author);
      out.varint(author == at.author ? e.seq() - at.seq : e.seq());
      out.zigzag(e.timestamp().wallMillis() - at.wall);
      out.varint(e.timestamp().logical());
      if (policy == RegisterPolicy.CAUSAL_GROUP) {
        VersionVector others = e.seen().with(e.author(), 0);
        out.varint(others.entries().size());
        others
            .entries()
            .forEach(
                (r, n) -> {
                  out.varint(Objects.requireNonNull(index.get(r)));
                  out.varint(n);
                });
      }
      out.varint(e.ops().size());
      for (Op op : e.ops()) {
        out.u8(op instanceof Op.Put ? PUT : DELETE);
        byte[] key = op.key().value().getBytes(StandardCharsets.UTF_8);
        int shared = sharedPrefix(at.key, key);
        out.varint(shared);
        out.varint(key.length - shared);
        out.raw(key, shared, key.length - shared);
        if (op instanceof Op.Put put) {
          out.string(put.value().value());
        }
        at.key = key;
      }
      at.author = author;
      at.seq = e.seq();
      at.wall = e.timestamp().wallMillis();
    }
    return out.toByteArray();
  }

  static List<Change> decode(VarReader r, RegisterPolicy policy, List<ReplicaId> table)
      throws DecodeException {
    long n = r.varint("count", r.remaining() / 6);
    List<Change> out = new ArrayList<>();
    Cursor at = new Cursor();
    for (int i = 0; i < n; i++) {
      out.add(entry(r, "[" + i + "]", policy, table, at));
    }
    r.requireEnd("the entries");
    return out;
  }

  private static Change entry(
      VarReader r, String field, RegisterPolicy policy, List<ReplicaId> table, Cursor at)
      throws DecodeException {
    int start = r.position();
    int author = (int) r.varint(field + ".author", Math.max(0, table.size() - 1));
    if (table.isEmpty()) {
      throw r.error(start, field + ".author", "no replica table to index");
    }
    long seq = r.varint(field + ".seq") + (author == at.author ? at.seq : 0);
    long wall = at.wall + r.zigzag(field + ".wall");
    int logicalAt = r.position();
    long logical = r.varint(field + ".logical", dev.entente.model.HlcTimestamp.MAX_LOGICAL);
    VersionVector seen =
        policy == RegisterPolicy.CAUSAL_GROUP ? seen(r, field, table) : VersionVector.EMPTY;
    List<Op> ops = ops(r, field, at);
    at.author = author;
    at.seq = seq;
    at.wall = wall;
    try {
      return new Change(
          table.get(author),
          seq,
          new dev.entente.model.HlcTimestamp(wall, (int) logical),
          seen,
          ops);
    } catch (IllegalArgumentException e) {
      throw r.rejected(logicalAt, field, e);
    }
  }

  private static VersionVector seen(VarReader r, String field, List<ReplicaId> table)
      throws DecodeException {
    long n = r.varint(field + ".seen.count", table.size());
    Map<ReplicaId, Long> seen = new HashMap<>();
    for (int j = 0; j < n; j++) {
      int idx = (int) r.varint(field + ".seen[" + j + "].replica", table.size() - 1);
      seen.put(table.get(idx), r.varint(field + ".seen[" + j + "].counter"));
    }
    return VersionVector.of(seen);
  }

  private static List<Op> ops(VarReader r, String field, Cursor at) throws DecodeException {
    long n = r.varint(field + ".ops.count", Change.MAX_OPS);
    List<Op> ops = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      String f = field + ".ops[" + j + "]";
      int start = r.position();
      int tag = r.u8(f + ".tag");
      if (tag != PUT && tag != DELETE) {
        throw r.error(start, f + ".tag", "unknown op tag %d", tag);
      }
      int keyAt = r.position();
      int shared = (int) r.varint(f + ".key.shared", at.key.length);
      long suffix = r.varint(f + ".key.suffix", Key.MAX_UTF8_BYTES - shared);
      byte[] key = Arrays.copyOf(at.key, shared + (int) suffix);
      System.arraycopy(r.bytes(suffix, f + ".key"), 0, key, shared, (int) suffix);
      at.key = key;
      try {
        Key k = Key.of(VarReader.utf8(key));
        ops.add(tag == PUT ? new Op.Put(k, value(r, f)) : new Op.Delete(k));
      } catch (CharacterCodingException | IllegalArgumentException e) {
        throw r.error(keyAt, f + ".key", "not a valid key: %s", String.valueOf(e.getMessage()));
      }
    }
    return ops;
  }

  private static Value value(VarReader r, String field) throws DecodeException {
    int at = r.position();
    byte[] bytes =
        r.bytes(r.varint(field + ".value.length", Value.MAX_UTF8_BYTES), field + ".value");
    try {
      return Value.of(VarReader.utf8(bytes));
    } catch (CharacterCodingException | IllegalArgumentException e) {
      throw r.error(at, field + ".value", "not a valid value: %s", String.valueOf(e.getMessage()));
    }
  }

  private static int sharedPrefix(byte[] a, byte[] b) {
    int n = Math.min(a.length, b.length);
    int i = 0;
    while (i < n && a[i] == b[i]) {
      i++;
    }
    return i;
  }

  /** What the previous entry left for the next one's deltas. */
  private static final class Cursor {
    int author = -1;
    long seq;
    long wall;
    byte[] key = new byte[0];
  }
}
