package dev.entente.model.check;

import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.Key;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import dev.entente.model.history.History;
import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.KvOps;
import dev.entente.model.history.OpType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A key-value history (written in the {@link KvOps} encoding) indexed for the CRDT checkers:
 * completed writes by dot, completed reads in order, each process's session, and which write put
 * each (key, value) pair. Immutable after construction.
 *
 * <p>Writes that completed {@code :ok} or {@code :info} count as made (an :info write may have
 * happened); {@code :fail} writes never happened. A write whose value does not carry its whole
 * change (a sequencer write that never got a reply) is unknown to the index: checkers judge reads
 * only against writes they can identify.
 */
public final class KvHistoryIndex {
  /** A completed read. */
  public record Read(
      long index, long process, ReplicaId replica, VersionVector vv, MaterialisedMap view) {}

  /** A write that may have happened, with the index of its invocation. */
  public record WriteOp(long index, long process, Change change) {}

  private final Map<Dot, WriteOp> writes = new TreeMap<>();
  private final List<Read> reads = new ArrayList<>();
  private final Map<Long, List<Object>> sessions = new TreeMap<>();
  private final Map<Key, Map<Value, List<Change>>> putsByValue = new HashMap<>();
  private final Map<Key, List<Change>> changesByKey = new HashMap<>();

  /** Indexes {@code history}; non-KV ops (other :f values) are ignored. */
  public KvHistoryIndex(History history) {
    Map<Long, HistoryOp> open = new LinkedHashMap<>();
    for (HistoryOp op : history.clientOps()) {
      if (op.type() == OpType.INVOKE) {
        open.put(op.process(), op);
        continue;
      }
      HistoryOp invoke = open.remove(op.process());
      long at = invoke == null ? op.index() : invoke.index();
      if (KvOps.WRITE.equals(op.f()) && op.type() != OpType.FAIL) {
        @Nullable Object value =
            op.value() != null ? op.value() : invoke == null ? null : invoke.value();
        if (value != null && KvOps.isCompleteWrite(value)) {
          addWrite(new WriteOp(at, op.process(), KvOps.change(value)));
        }
      } else if (KvOps.READ.equals(op.f()) && op.type() == OpType.OK) {
        Read r =
            new Read(
                op.index(),
                op.process(),
                KvOps.replica(op.value()),
                KvOps.readVector(op.value()),
                KvOps.readView(op.value()));
        reads.add(r);
        sessions.computeIfAbsent(op.process(), p -> new ArrayList<>()).add(r);
      }
    }
  }

  private void addWrite(WriteOp w) {
    writes.put(w.change().dot(), w);
    sessions.computeIfAbsent(w.process(), p -> new ArrayList<>()).add(w);
    for (Op op : w.change().ops()) {
      List<Change> forKey = changesByKey.computeIfAbsent(op.key(), k -> new ArrayList<>());
      if (forKey.isEmpty() || forKey.get(forKey.size() - 1) != w.change()) {
        forKey.add(w.change());
      }
      if (op instanceof Op.Put put) {
        putsByValue
            .computeIfAbsent(put.key(), k -> new HashMap<>())
            .computeIfAbsent(put.value(), v -> new ArrayList<>())
            .add(w.change());
      }
    }
  }

  /** Writes that may have happened, by dot. */
  public Map<Dot, WriteOp> writes() {
    return writes;
  }

  /** Completed reads in history order. */
  public List<Read> reads() {
    return reads;
  }

  /**
   * Each process's reads and writes in history order (elements are {@link Read} or {@link
   * WriteOp}).
   */
  public Map<Long, List<Object>> sessions() {
    return sessions;
  }

  /** The changes whose put wrote {@code value} to {@code key}; one when values are unique. */
  public List<Change> writersOf(Key key, Value value) {
    return putsByValue.getOrDefault(key, Map.of()).getOrDefault(value, List.of());
  }

  /** All changes that wrote {@code key} (puts and deletes). */
  public List<Change> changesWriting(Key key) {
    return changesByKey.getOrDefault(key, List.of());
  }
}
