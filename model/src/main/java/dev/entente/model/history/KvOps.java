package dev.entente.model.history;

import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Key;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How the simulator writes key-value client operations into a Jepsen history, and how checkers read
 * them back: the one place that knows the shape of those values.
 *
 * <p>A write is {@code :f :write} with value {@code {:replica "A", :seq 3, :time [wall logical],
 * :seen {"A" 2, "B" 1}, :ops [[:put "k" "v"] [:delete "x"]]}}: the whole change, so that a checker
 * can rebuild it exactly. A read is {@code :f :read}; its invocation value is {@code {:replica
 * "A"}} and its completion value {@code {:replica "A", :vv {"A" 3}, :values {"k" ["v"]}}} with the
 * reading replica's version vector and the materialised map it showed (sibling lists sorted; absent
 * keys omitted).
 */
public final class KvOps {
  /** {@code :write}. */
  public static final Keyword WRITE = Keyword.of("write");

  /** {@code :read}. */
  public static final Keyword READ = Keyword.of("read");

  private static final Keyword PUT = Keyword.of("put");
  private static final Keyword DELETE = Keyword.of("delete");

  private KvOps() {}

  /** The value recorded for a write of {@code change}. */
  public static Map<Keyword, Object> writeValue(Change change) {
    Map<Keyword, Object> v = new LinkedHashMap<>();
    v.put(Keyword.of("replica"), change.author().value());
    v.put(Keyword.of("seq"), change.seq());
    v.put(
        Keyword.of("time"),
        List.of(change.timestamp().wallMillis(), (long) change.timestamp().logical()));
    v.put(Keyword.of("seen"), vectorValue(change.seen()));
    List<Object> ops = new ArrayList<>();
    for (Op op : change.ops()) {
      if (op instanceof Op.Put put) {
        ops.add(List.of(PUT, put.key().value(), put.value().value()));
      } else {
        ops.add(List.of(DELETE, op.key().value()));
      }
    }
    v.put(Keyword.of("ops"), List.copyOf(ops));
    return Map.copyOf(v);
  }

  /** True if {@code value} is a write value that carries a whole change ({@link #change} works). */
  public static boolean isCompleteWrite(@Nullable Object value) {
    return value instanceof Map<?, ?> m
        && m.get(Keyword.of("seq")) instanceof Long
        && m.get(Keyword.of("time")) instanceof List
        && m.get(Keyword.of("seen")) instanceof Map
        && m.get(Keyword.of("ops")) instanceof List;
  }

  /** Rebuilds the change recorded in a write's value. */
  public static Change change(@Nullable Object writeValue) {
    Map<?, ?> v = map(writeValue, "write value");
    List<?> time = list(v.get(Keyword.of("time")), "write :time");
    List<Op> ops = new ArrayList<>();
    for (Object o : list(v.get(Keyword.of("ops")), "write :ops")) {
      List<?> op = list(o, "write op");
      Key key = Key.of((String) op.get(1));
      ops.add(
          DELETE.equals(op.get(0))
              ? new Op.Delete(key)
              : new Op.Put(key, Value.of((String) op.get(2))));
    }
    return new Change(
        ReplicaId.of(field(v, "replica", String.class, "write value")),
        field(v, "seq", Long.class, "write value"),
        new HlcTimestamp((Long) time.get(0), ((Long) time.get(1)).intValue()),
        vector(v.get(Keyword.of("seen"))),
        ops);
  }

  /** The completion value recorded for a read. */
  public static Map<Keyword, Object> readValue(
      ReplicaId replica, VersionVector vv, MaterialisedMap view) {
    Map<String, Object> values = new TreeMap<>();
    view.entries()
        .forEach((k, vs) -> values.put(k.value(), vs.stream().map(Value::value).toList()));
    return Map.of(
        Keyword.of("replica"), replica.value(),
        Keyword.of("vv"), vectorValue(vv),
        Keyword.of("values"), values);
  }

  /** The reading replica of a read or write value. */
  public static ReplicaId replica(@Nullable Object value) {
    return ReplicaId.of(field(map(value, "op value"), "replica", String.class, "op value"));
  }

  /** The version vector of a read's completion value. */
  public static VersionVector readVector(@Nullable Object readValue) {
    return vector(map(readValue, "read value").get(Keyword.of("vv")));
  }

  /** The materialised map of a read's completion value. */
  public static MaterialisedMap readView(@Nullable Object readValue) {
    Map<?, ?> values = map(map(readValue, "read value").get(Keyword.of("values")), "read :values");
    Map<Key, List<Value>> out = new TreeMap<>();
    values.forEach(
        (k, vs) ->
            out.put(
                Key.of((String) k),
                list(vs, "read values of " + k).stream().map(x -> Value.of((String) x)).toList()));
    return MaterialisedMap.of(out);
  }

  /** The dot of a write value. */
  public static Dot dot(@Nullable Object writeValue) {
    Map<?, ?> v = map(writeValue, "write value");
    return new Dot(
        ReplicaId.of(field(v, "replica", String.class, "write value")),
        field(v, "seq", Long.class, "write value"));
  }

  private static Map<String, Long> vectorValue(VersionVector vv) {
    Map<String, Long> out = new TreeMap<>();
    vv.entries().forEach((r, n) -> out.put(r.value(), n));
    return out;
  }

  private static VersionVector vector(@Nullable Object value) {
    Map<ReplicaId, Long> out = new TreeMap<>();
    map(value, "version vector").forEach((r, n) -> out.put(ReplicaId.of((String) r), (Long) n));
    return VersionVector.of(out);
  }

  private static Map<?, ?> map(@Nullable Object o, String what) {
    if (o instanceof Map<?, ?> m) {
      return m;
    }
    throw new IllegalArgumentException(what + " must be a map, was " + o);
  }

  private static List<?> list(@Nullable Object o, String what) {
    if (o instanceof List<?> l) {
      return l;
    }
    throw new IllegalArgumentException(what + " must be a list, was " + o);
  }

  /** Field {@code :name} of {@code m}; a missing or mistyped one is the caller's error. */
  private static <T> T field(Map<?, ?> m, String name, Class<T> type, String what) {
    Object v = m.get(Keyword.of(name));
    if (type.isInstance(v)) {
      return type.cast(v);
    }
    throw new IllegalArgumentException(
        what + " :" + name + " must be a " + type.getSimpleName() + ", was " + v);
  }
}
