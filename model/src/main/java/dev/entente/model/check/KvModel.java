package dev.entente.model.check;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A map of string keys (porcupine's {@code kvModel}): every key starts as {@code ""}; {@code :get}
 * returns the current string, {@code :put} replaces it, {@code :append} concatenates. Values are
 * Jepsen's independent-key tuples {@code [key value]} (the readers fold a {@code :key} field into
 * this form). Every operation touches one key, so histories are checked key by key. Immutable.
 */
final class KvModel implements SequentialModel<Map<Object, String>> {
  @Override
  public String name() {
    return "kv";
  }

  @Override
  public Map<Object, String> initialState() {
    return Map.of();
  }

  @Override
  public List<Map<Object, String>> step(Map<Object, String> state, Operation op) {
    List<?> in = Values.list(op.input(), 2, "kv value");
    Object key = Values.canonical(in.get(0));
    String current = state.getOrDefault(key, "");
    switch (op.fName()) {
      case "get":
        if (op.outcome() != Operation.Outcome.OK) {
          return List.of(state);
        }
        Object read = Values.list(op.output(), 2, "kv get result").get(1);
        return current.equals(read == null ? "" : read) ? List.of(state) : List.of();
      case "put":
        return List.of(with(state, key, text(in.get(1))));
      case "append":
        return List.of(with(state, key, current + text(in.get(1))));
      default:
        throw new IllegalArgumentException("kv has no operation " + op.describe());
    }
  }

  @Override
  public boolean isReadOnly(Operation op) {
    return op.fName().equals("get");
  }

  @Override
  public @Nullable Object partitionKey(Operation op) {
    return Values.canonical(Values.list(op.input(), 2, "kv value").get(0));
  }

  private static String text(Object v) {
    return v == null ? "" : String.valueOf(v);
  }

  private static Map<Object, String> with(
      Map<Object, String> state, @Nullable Object key, String value) {
    Map<Object, String> next = new LinkedHashMap<>(state);
    next.put(key, value);
    return Collections.unmodifiableMap(next);
  }
}
