package dev.entente.campaign;

import dev.entente.model.history.History;
import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.Keyword;
import dev.entente.model.history.KvOps;
import dev.entente.model.history.OpType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Turns a key-value history into a history of per-key registers for the model-level {@link
 * dev.entente.model.check.LinearizabilityChecker} with the {@code multi-register} model.
 *
 * <p>Every key is a register that starts {@link #ABSENT}. A write of a change becomes, for each key
 * the change touches, one {@code :txn [[:write k v]]} with the change's last value for the key
 * ({@link #ABSENT} for a delete). A read becomes, for each key of the history, one {@code :txn
 * [[:read k v]]} with the value the read showed ({@link #ABSENT} if the key was absent); a read
 * showing siblings cannot be one register value, so such a key's read is left out. Sub-operations
 * keep their original's invocation and completion positions and outcome ({@code :ok}, {@code :info}
 * or {@code :fail}), each under its own process, so real-time order is exactly the original's.
 *
 * <p>This is a per-key projection: each sub-history being linearizable is necessary for the whole
 * history to be (linearizability is local, Herlihy and Wing 1990, but a multi-key write is split
 * here, so its atomicity across keys is not checked). An INVALID verdict is therefore a real
 * violation of the whole; a VALID one says every key on its own was linearizable. Stateless.
 */
final class RegisterHistory {
  /** The register value of an absent key. */
  static final String ABSENT = "<absent>";

  private static final Keyword TXN = Keyword.of("txn");
  private static final Keyword READ = Keyword.of("read");
  private static final Keyword WRITE = Keyword.of("write");

  private RegisterHistory() {}

  /** The keys the history mentions, sorted: the initial state is each of them {@link #ABSENT}. */
  static Map<Object, Object> initialState(History history) {
    Map<Object, Object> m = new TreeMap<>();
    for (String k : keys(history)) {
      m.put(k, ABSENT);
    }
    return m;
  }

  /** The per-key register history. */
  static History project(History kv) {
    List<String> keys = new ArrayList<>(keys(kv));
    Map<String, Integer> slot = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      slot.put(keys.get(i), i);
    }
    long width = Math.max(1, keys.size());
    Map<Long, HistoryOp> open = new LinkedHashMap<>();
    List<HistoryOp> out = new ArrayList<>();
    for (HistoryOp op : kv.clientOps()) {
      boolean write = KvOps.WRITE.equals(op.f());
      if (!write && !KvOps.READ.equals(op.f())) {
        continue;
      }
      if (op.type() == OpType.INVOKE) {
        open.put(op.process(), op);
        Map<String, Object> parts = write ? writeValues(op.value()) : readKeys(keys);
        for (Map.Entry<String, Object> e : parts.entrySet()) {
          long p = op.process() * width + slotOf(slot, e.getKey());
          Object micro = micro(write ? WRITE : READ, e.getKey(), e.getValue());
          out.add(
              new HistoryOp(
                  out.size(), OpType.INVOKE, p, TXN, List.of(micro), op.timeNanos(), null));
        }
        continue;
      }
      HistoryOp invoke = open.remove(op.process());
      if (invoke == null) {
        continue;
      }
      Map<String, Object> parts;
      if (write) {
        parts = writeValues(invoke.value());
      } else if (op.type() == OpType.OK) {
        parts = readValues(op.value(), keys);
      } else {
        parts = readKeys(keys);
      }
      for (Map.Entry<String, Object> e : parts.entrySet()) {
        long p = op.process() * width + slotOf(slot, e.getKey());
        if (e.getValue() == null && !write && op.type() == OpType.OK) {
          // Siblings: not one register value. Complete as :info so the read constrains nothing.
          out.add(new HistoryOp(out.size(), OpType.INFO, p, TXN, null, op.timeNanos(), null));
          continue;
        }
        Object micro = micro(write ? WRITE : READ, e.getKey(), e.getValue());
        out.add(new HistoryOp(out.size(), op.type(), p, TXN, List.of(micro), op.timeNanos(), null));
      }
    }
    return new History(out);
  }

  private static List<Object> micro(Keyword f, String key, @Nullable Object value) {
    return Collections.unmodifiableList(Arrays.asList(f, key, value));
  }

  private static TreeSet<String> keys(History history) {
    TreeSet<String> keys = new TreeSet<>();
    for (HistoryOp op : history.clientOps()) {
      if (KvOps.WRITE.equals(op.f()) && op.type() == OpType.INVOKE) {
        keys.addAll(writeValues(op.value()).keySet());
      } else if (KvOps.READ.equals(op.f()) && op.type() == OpType.OK) {
        Object values = asMap(op.value()).get(Keyword.of("values"));
        for (Object k : asMap(values).keySet()) {
          keys.add((String) k);
        }
      }
    }
    return keys;
  }

  /** Each key the write touches and its last value in the write ({@link #ABSENT} if deleted). */
  private static Map<String, Object> writeValues(@Nullable Object value) {
    Map<String, Object> out = new TreeMap<>();
    Object ops = asMap(value).get(Keyword.of("ops"));
    if (ops instanceof List<?> list) {
      for (Object o : list) {
        List<?> op = (List<?>) o;
        boolean delete = op.get(0).equals(Keyword.of("delete"));
        out.put((String) op.get(1), delete ? ABSENT : op.get(2));
      }
    }
    return out;
  }

  private static Map<String, Object> readKeys(List<String> keys) {
    Map<String, Object> out = new TreeMap<>();
    for (String k : keys) {
      out.put(k, null);
    }
    return out;
  }

  /** The value the read showed per key: ABSENT, the single value, or null for siblings. */
  private static Map<String, Object> readValues(@Nullable Object value, List<String> keys) {
    Map<?, ?> values = asMap(asMap(value).get(Keyword.of("values")));
    Map<String, Object> out = new TreeMap<>();
    for (String k : keys) {
      List<?> shown = (List<?>) values.get(k);
      out.put(
          k, shown == null || shown.isEmpty() ? ABSENT : shown.size() == 1 ? shown.get(0) : null);
    }
    return out;
  }

  /** A kv op's value, or its {@code :values}: the kv workload writes both as maps. */
  private static Map<?, ?> asMap(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw new IllegalArgumentException("a kv op's value must be a map, was " + value);
  }

  /** The register slot of {@code key}: every key an op names is one of the history's keys. */
  private static int slotOf(Map<String, Integer> slot, String key) {
    Integer i = slot.get(key);
    if (i == null) {
      throw new IllegalStateException("key " + key + " is not among the history's keys");
    }
    return i;
  }
}
