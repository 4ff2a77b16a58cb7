package dev.entente.impl.codec;

import dev.entente.impl.snapshot.Snapshot;
import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The three inflated section bodies of a snapshot (meta, entries, pending): {@link SnapshotCodec}
 * frames, checksums and deflates them. See docs/compaction.md for the field layout.
 */
final class SnapshotBody {
  private SnapshotBody() {}

  static byte[][] encode(Snapshot s) {
    List<ReplicaId> table = replicaTable(s);
    Map<ReplicaId, Integer> index = new HashMap<>();
    for (int i = 0; i < table.size(); i++) {
      index.put(table.get(i), i);
    }
    return new byte[][] {
      encodeMeta(s, table, index),
      SnapshotEntriesCodec.encode(s.policy(), s.entries(), index),
      encodePending(s.pending())
    };
  }

  static Snapshot decode(byte[][] bodies, int[] starts) throws DecodeException {
    VarReader meta = new VarReader(bodies[0], 0, "snapshot.meta", starts[0], true);
    List<ReplicaId> table = decodeTable(meta);
    RegisterPolicy policy = policy(meta);
    VersionVector delivered = vector(meta, table, "delivered");
    List<Dot> beyond = beyond(meta, table);
    VersionVector gcFrontier = vector(meta, table, "gcFrontier");
    HlcTimestamp floor = timestamp(meta, "tombstoneFloor");
    HlcTimestamp clock = timestamp(meta, "clock");
    meta.requireEnd("the clock");
    VarReader entries = new VarReader(bodies[1], 0, "snapshot.entries", starts[1], true);
    List<Change> decodedEntries = SnapshotEntriesCodec.decode(entries, policy, table);
    List<Change> pending = decodePending(bodies[2], starts[2]);
    try {
      return new Snapshot(
          policy, delivered, beyond, gcFrontier, floor, clock, decodedEntries, pending);
    } catch (IllegalArgumentException e) {
      throw new DecodeException(starts[1], "snapshot", String.valueOf(e.getMessage()), e);
    }
  }

  /** Every replica the meta and entries sections name, sorted: they refer to it by index. */
  private static List<ReplicaId> replicaTable(Snapshot s) {
    TreeSet<ReplicaId> ids = new TreeSet<>(s.delivered().entries().keySet());
    ids.addAll(s.gcFrontier().entries().keySet());
    s.deliveredBeyond().forEach(d -> ids.add(d.replica()));
    for (Change c : s.entries()) {
      ids.add(c.author());
      ids.addAll(c.seen().entries().keySet());
    }
    return new ArrayList<>(ids);
  }

  private static byte[] encodeMeta(
      Snapshot s, List<ReplicaId> table, Map<ReplicaId, Integer> index) {
    VarWriter out = new VarWriter();
    out.varint(table.size());
    table.forEach(r -> out.string(r.value()));
    out.u8(policyTag(s.policy()));
    table.forEach(r -> out.varint(s.delivered().get(r)));
    out.varint(s.deliveredBeyond().size());
    for (Dot d : s.deliveredBeyond()) {
      out.varint(java.util.Objects.requireNonNull(index.get(d.replica())));
      out.varint(d.counter());
    }
    table.forEach(r -> out.varint(s.gcFrontier().get(r)));
    timestamp(out, s.tombstoneFloor());
    timestamp(out, s.clock());
    return out.toByteArray();
  }

  static void timestamp(VarWriter out, HlcTimestamp t) {
    out.varint(t.wallMillis());
    out.varint(t.logical());
  }

  private static byte[] encodePending(List<Change> pending) {
    VarWriter out = new VarWriter();
    out.varint(pending.size());
    for (Change c : pending) {
      byte[] encoded = ChangeCodec.encode(c);
      out.varint(encoded.length);
      out.raw(encoded);
    }
    return out.toByteArray();
  }

  private static List<ReplicaId> decodeTable(VarReader r) throws DecodeException {
    long n = r.varint("replicas.count", r.remaining() / 2);
    List<ReplicaId> table = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String field = "replicas[" + i + "]";
      int at = r.position();
      byte[] id = r.bytes(r.varint(field + ".length", ReplicaId.MAX_LENGTH), field);
      try {
        table.add(ReplicaId.of(new String(id, java.nio.charset.StandardCharsets.US_ASCII)));
      } catch (IllegalArgumentException e) {
        throw r.rejected(at, field, e);
      }
    }
    return table;
  }

  private static RegisterPolicy policy(VarReader r) throws DecodeException {
    int at = r.position();
    int tag = r.u8("policy");
    return switch (tag) {
      case 1 -> RegisterPolicy.LWW;
      case 2 -> RegisterPolicy.MV;
      case 3 -> RegisterPolicy.CAUSAL_GROUP;
      default -> throw r.error(at, "policy", "unknown policy tag %d", tag);
    };
  }

  static int policyTag(RegisterPolicy policy) {
    return switch (policy) {
      case LWW -> 1;
      case MV -> 2;
      case CAUSAL_GROUP -> 3;
    };
  }

  private static VersionVector vector(VarReader r, List<ReplicaId> table, String name)
      throws DecodeException {
    Map<ReplicaId, Long> counters = new HashMap<>();
    for (ReplicaId id : table) {
      counters.put(id, r.varint(name + "[" + id + "]"));
    }
    return VersionVector.of(counters);
  }

  private static List<Dot> beyond(VarReader r, List<ReplicaId> table) throws DecodeException {
    long n = r.varint("deliveredBeyond.count", r.remaining() / 2);
    List<Dot> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String field = "deliveredBeyond[" + i + "]";
      ReplicaId id = table.get((int) r.varint(field + ".replica", Math.max(0, table.size() - 1)));
      int at = r.position();
      long counter = r.varint(field + ".counter");
      if (counter < 1) {
        throw r.error(at, field + ".counter", "counter must be >= 1, was %d", counter);
      }
      out.add(new Dot(id, counter));
    }
    return out;
  }

  static HlcTimestamp timestamp(VarReader r, String field) throws DecodeException {
    int at = r.position();
    long wall = r.varint(field + ".wall");
    long logical = r.varint(field + ".logical", HlcTimestamp.MAX_LOGICAL);
    try {
      return new HlcTimestamp(wall, (int) logical);
    } catch (IllegalArgumentException e) {
      throw r.rejected(at, field, e);
    }
  }

  private static List<Change> decodePending(byte[] body, int start) throws DecodeException {
    VarReader r = new VarReader(body, 0, "snapshot.pending", start, true);
    long n = r.varint("count", r.remaining() / ChangeCodec.MIN_LENGTH);
    List<Change> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String field = "changes[" + i + "]";
      int at = r.position();
      byte[] encoded = r.bytes(r.varint(field + ".length", r.remaining()), field);
      try {
        out.add(ChangeCodec.decode(encoded));
      } catch (DecodeException e) {
        throw r.error(
            at, field + "." + e.field(), "%s (at byte %d of the change)", e.reason(), e.offset());
      }
    }
    r.requireEnd("the pending changes");
    return out;
  }
}
