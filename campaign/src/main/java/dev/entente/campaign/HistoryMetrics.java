package dev.entente.campaign;

import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.Key;
import dev.entente.model.Op;
import dev.entente.model.Value;
import dev.entente.model.check.CalendarInvariant;
import dev.entente.model.check.KvHistoryIndex;
import dev.entente.model.check.ReplicaObservation;
import dev.entente.model.history.History;
import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.KvOps;
import dev.entente.model.history.OpType;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Counting measurements over a run's history, for the experiments. Where a checker stops at the
 * first violation, these count every one. Stateless.
 */
final class HistoryMetrics {
  private HistoryMetrics() {}

  /**
   * Shown values that break {@link dev.entente.model.check.CausalOverwriteChecker}'s rule, counted:
   * a read shows {@code k = v} written by {@code w1} although it has delivered a change {@code w2}
   * that saw {@code w1} and then wrote {@code k}. Each (read, key, value) counts once as lost (if
   * some such {@code w2}'s last op on {@code k} is a put) and once as resurrected (if one is a
   * delete). {@code lostWrites} counts the distinct writes {@code w1} ever shown that way.
   */
  record CausalCounts(
      long judged, long ambiguous, long lostShown, long resurrected, long lostWrites) {}

  static CausalCounts causalOverwrites(KvHistoryIndex index) {
    long judged = 0;
    long ambiguous = 0;
    long lost = 0;
    long resurrected = 0;
    Set<Dot> lostWrites = new TreeSet<>();
    for (KvHistoryIndex.Read r : index.reads()) {
      for (Map.Entry<Key, List<Value>> e : r.view().entries().entrySet()) {
        for (Value v : e.getValue()) {
          List<Change> writers = index.writersOf(e.getKey(), v);
          if (writers.size() != 1) {
            ambiguous += writers.size() > 1 ? 1 : 0;
            continue;
          }
          judged++;
          Change w1 = writers.get(0);
          boolean byPut = false;
          boolean byDelete = false;
          for (Change w2 : index.changesWriting(e.getKey())) {
            if (w2 != w1 && r.vv().covers(w2.dot()) && w2.hasSeen(w1)) {
              boolean delete = lastOpOn(w2, e.getKey()) instanceof Op.Delete;
              byPut |= !delete;
              byDelete |= delete;
            }
          }
          lost += byPut ? 1 : 0;
          resurrected += byDelete ? 1 : 0;
          if (byPut) {
            lostWrites.add(w1.dot());
          }
        }
      }
    }
    return new CausalCounts(judged, ambiguous, lost, resurrected, lostWrites.size());
  }

  /** Reads, reads in an impossible calendar state, and reads showing siblings. */
  record ReadCounts(
      long reads, long impossible, long withSiblings, long siblingKeys, long maxSiblings) {}

  static ReadCounts reads(KvHistoryIndex index) {
    long impossible = 0;
    long withSiblings = 0;
    long siblingKeys = 0;
    long maxSiblings = 0;
    for (KvHistoryIndex.Read r : index.reads()) {
      impossible += CalendarInvariant.violations(r.view()).isEmpty() ? 0 : 1;
      long multi = 0;
      for (List<Value> vs : r.view().entries().values()) {
        if (vs.size() > 1) {
          multi++;
          maxSiblings = Math.max(maxSiblings, vs.size());
        }
      }
      siblingKeys += multi;
      withSiblings += multi > 0 ? 1 : 0;
    }
    return new ReadCounts(index.reads().size(), impossible, withSiblings, siblingKeys, maxSiblings);
  }

  /** Events in an impossible state in the first replica's final (converged) view; 0 if none. */
  static long finalImpossibleEvents(List<ReplicaObservation> finals) {
    return finals.isEmpty() ? 0 : CalendarInvariant.violations(finals.get(0).view()).size();
  }

  /**
   * What became of every field edit (a put that is its change's last op on the key). It is
   * <em>concurrent</em> if another change writing the same key is concurrent with it (neither saw
   * the other); <em>kept</em> if its value is in some live replica's final view;
   * <em>superseded</em> if a change that saw it later wrote the key; otherwise <em>lost</em>: it
   * vanished although no change that knew of it overwrote it, so it lost to a concurrent edit (of
   * the key itself, or under the causal-group policy of another key of its group).
   */
  record EditCounts(
      long edits, long concurrent, long concurrentKept, long concurrentLost, long lostOther) {}

  static EditCounts edits(KvHistoryIndex index, List<ReplicaObservation> finals) {
    Map<Key, Set<Value>> finalValues = new TreeMap<>();
    for (ReplicaObservation o : finals) {
      o.view()
          .entries()
          .forEach((k, vs) -> finalValues.computeIfAbsent(k, x -> new HashSet<>()).addAll(vs));
    }
    long edits = 0;
    long concurrent = 0;
    long kept = 0;
    long lost = 0;
    long lostOther = 0;
    for (KvHistoryIndex.WriteOp w : index.writes().values()) {
      Change c = w.change();
      for (Map.Entry<Key, Op> e : lastOps(c).entrySet()) {
        if (!(e.getValue() instanceof Op.Put put)) {
          continue;
        }
        edits++;
        boolean isConcurrent = false;
        boolean superseded = false;
        for (Change other : index.changesWriting(e.getKey())) {
          if (other != c) {
            superseded |= other.hasSeen(c);
            isConcurrent |= !other.hasSeen(c) && !c.hasSeen(other);
          }
        }
        boolean inFinal = finalValues.getOrDefault(e.getKey(), Set.of()).contains(put.value());
        boolean isLost = !inFinal && !superseded;
        concurrent += isConcurrent ? 1 : 0;
        kept += isConcurrent && inFinal ? 1 : 0;
        lost += isConcurrent && isLost ? 1 : 0;
        lostOther += !isConcurrent && isLost ? 1 : 0;
      }
    }
    return new EditCounts(edits, concurrent, kept, lost, lostOther);
  }

  /** Writes invoked, and of them accepted ({@code :ok}), overall and while a partition was on. */
  record Availability(long writes, long accepted, long partitionWrites, long partitionAccepted) {}

  static Availability availability(History history) {
    boolean partitioned = false;
    Map<Long, Boolean> openDuringPartition = new LinkedHashMap<>();
    long writes = 0;
    long accepted = 0;
    long pw = 0;
    long pa = 0;
    for (HistoryOp op : history.ops()) {
      if (op.isNemesis()) {
        if (op.f().name().equals("partition")) {
          partitioned = true;
        } else if (op.f().name().equals("heal")) {
          partitioned = false;
        }
        continue;
      }
      if (!KvOps.WRITE.equals(op.f())) {
        continue;
      }
      if (op.type() == OpType.INVOKE) {
        openDuringPartition.put(op.process(), partitioned);
        writes++;
        pw += partitioned ? 1 : 0;
        continue;
      }
      Boolean during = openDuringPartition.remove(op.process());
      if (during != null && op.type() == OpType.OK) {
        accepted++;
        pa += during ? 1 : 0;
      }
    }
    return new Availability(writes, accepted, pw, pa);
  }

  static @Nullable Op lastOpOn(Change c, Key key) {
    Op last = null;
    for (Op op : c.ops()) {
      if (op.key().equals(key)) {
        last = op;
      }
    }
    return last;
  }

  private static Map<Key, Op> lastOps(Change c) {
    Map<Key, Op> out = new TreeMap<>();
    for (Op op : c.ops()) {
      out.put(op.key(), op);
    }
    return out;
  }
}
