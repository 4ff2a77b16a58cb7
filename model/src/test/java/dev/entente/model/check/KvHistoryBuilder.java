package dev.entente.model.check;

import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import dev.entente.model.history.History;
import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.KvOps;
import dev.entente.model.history.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds small KV histories in the {@link KvOps} encoding for checker tests. */
final class KvHistoryBuilder {
  private final List<HistoryOp> ops = new ArrayList<>();

  static Change change(String author, long seq, long wall, Map<String, Long> seen, Op... ops) {
    Map<ReplicaId, Long> vv = new java.util.TreeMap<>();
    seen.forEach((r, n) -> vv.put(ReplicaId.of(r), n));
    return new Change(
        ReplicaId.of(author), seq, new HlcTimestamp(wall, 0), VersionVector.of(vv), List.of(ops));
  }

  static VersionVector vv(Map<String, Long> entries) {
    Map<ReplicaId, Long> vv = new java.util.TreeMap<>();
    entries.forEach((r, n) -> vv.put(ReplicaId.of(r), n));
    return VersionVector.of(vv);
  }

  KvHistoryBuilder write(long process, Change c) {
    Object value = KvOps.writeValue(c);
    add(OpType.INVOKE, process, KvOps.WRITE, value);
    add(OpType.OK, process, KvOps.WRITE, value);
    return this;
  }

  KvHistoryBuilder read(long process, String replica, VersionVector vv, MaterialisedMap view) {
    add(OpType.INVOKE, process, KvOps.READ, Map.of());
    add(OpType.OK, process, KvOps.READ, KvOps.readValue(ReplicaId.of(replica), vv, view));
    return this;
  }

  History build() {
    return new History(ops);
  }

  private void add(OpType type, long process, dev.entente.model.history.Keyword f, Object v) {
    ops.add(new HistoryOp(ops.size(), type, process, f, v, ops.size() * 1000L, null));
  }
}
