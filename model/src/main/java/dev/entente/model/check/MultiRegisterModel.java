package dev.entente.model.check;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Registers named by key, read and written by transactions (knossos's {@code multi-register}):
 * {@code :txn} with value {@code [[:read k v] [:write k v] ...]} applied in order; a read of nil is
 * always legal (the client did not learn the value), any other read must match. Keys and values are
 * compared in canonical form ({@link Values#canonical}), so {@code :x} and {@code "x"} name the
 * same register. A transaction that touches one key only is partitioned by it. Immutable.
 */
final class MultiRegisterModel implements SequentialModel<Map<Object, Object>> {
  private final Map<Object, Object> initial;

  MultiRegisterModel(Map<?, ?> initial) {
    this.initial = freeze(castMap(Values.canonical(initial)));
  }

  @Override
  public String name() {
    return "multi-register";
  }

  @Override
  public Map<Object, Object> initialState() {
    return initial;
  }

  @Override
  public List<Map<Object, Object>> step(Map<Object, Object> state, Operation op) {
    Map<Object, Object> next = null;
    for (Object o : microOps(op)) {
      List<?> micro = Values.list(o, 3, "multi-register micro-op");
      String f = Values.name(micro.get(0));
      Object key = Values.canonical(micro.get(1));
      Object value = Values.canonical(micro.get(2));
      Map<Object, Object> current = next == null ? state : next;
      if ("read".equals(f) || "r".equals(f)) {
        if (value != null && !Objects.equals(current.get(key), value)) {
          return List.of();
        }
      } else if ("write".equals(f) || "w".equals(f)) {
        next = new LinkedHashMap<>(current);
        next.put(key, value);
      } else {
        throw new IllegalArgumentException("multi-register has no micro-op " + Values.print(o));
      }
    }
    return List.of(next == null ? state : freeze(next));
  }

  @Override
  public boolean isReadOnly(Operation op) {
    for (Object o : microOps(op)) {
      String f = Values.name(Values.list(o, 3, "multi-register micro-op").get(0));
      if (!"read".equals(f) && !"r".equals(f)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public @Nullable Object partitionKey(Operation op) {
    @Nullable Object key = null;
    for (Object o : microOps(op)) {
      Object k = Values.canonical(Values.list(o, 3, "multi-register micro-op").get(1));
      if (key != null && !key.equals(k)) {
        return null;
      }
      key = k;
    }
    return key;
  }

  private static List<?> microOps(Operation op) {
    if (!op.fName().equals("txn")) {
      throw new IllegalArgumentException("multi-register has no operation " + op.describe());
    }
    Object value = op.outcome() == Operation.Outcome.OK ? op.output() : op.input();
    return Values.list(value, -1, "multi-register txn value");
  }

  @SuppressWarnings("unchecked")
  private static Map<Object, Object> castMap(@Nullable Object o) {
    if (o != null && !(o instanceof Map)) {
      throw new IllegalArgumentException("multi-register initial state must be a map, was " + o);
    }
    return o == null ? Map.of() : (Map<Object, Object>) o;
  }

  private static Map<Object, Object> freeze(Map<Object, Object> m) {
    // Sorted by text so that equal states print alike; equality is the map's own.
    Map<Object, Object> sorted =
        new TreeMap<>((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
    sorted.putAll(m);
    return Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
  }
}
