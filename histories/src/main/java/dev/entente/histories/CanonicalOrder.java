package dev.entente.histories;

import dev.entente.model.history.EdnText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Puts history values in canonical order, so that equal values always write the same bytes: map
 * entries sorted by the EDN text of their (canonical) key, set elements by their own EDN text,
 * lists kept as they are. The JDK's immutable maps and sets iterate in a per-JVM random order, and
 * a reader's maps in file order; the writers call this first so neither leaks into a file.
 * Stateless.
 */
final class CanonicalOrder {
  private CanonicalOrder() {}

  /** A copy of {@code value}, equal to it, whose maps and sets iterate in canonical order. */
  static @Nullable Object of(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      TreeMap<String, Object[]> byKey = new TreeMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        Object key = of(e.getKey());
        byKey.put(EdnText.print(key), new Object[] {key, of(e.getValue())});
      }
      Map<Object, Object> out = new LinkedHashMap<>();
      byKey.values().forEach(kv -> out.put(kv[0], kv[1]));
      return Collections.unmodifiableMap(out);
    }
    if (value instanceof Set<?> set) {
      TreeMap<String, Object> byText = new TreeMap<>();
      for (Object o : set) {
        Object element = of(o);
        byText.put(EdnText.print(element), element);
      }
      return Collections.unmodifiableSet(new LinkedHashSet<>(byText.values()));
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(o -> out.add(of(o)));
      return Collections.unmodifiableList(out);
    }
    return value;
  }
}
