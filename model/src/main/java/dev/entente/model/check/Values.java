package dev.entente.model.check;

import dev.entente.model.history.EdnText;
import dev.entente.model.history.Keyword;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Comparisons of history values that forgive the differences between the EDN and JSON encodings of
 * one history: a JSON file carries {@code "x"} where the EDN file carries {@code :x}, and an
 * integer may arrive as any boxed integral type. Stateless. Public for {@link #print} only.
 */
public final class Values {
  private Values() {}

  /**
   * The canonical form used for equality and as state: keywords become their names, integral
   * numbers become {@link Long}, lists and maps are canonicalised element by element.
   */
  static @Nullable Object canonical(@Nullable Object v) {
    if (v instanceof Keyword k) {
      return k.name();
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(x -> out.add(canonical(x)));
      return Collections.unmodifiableList(out);
    }
    if (v instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, x) -> out.put(canonical(k), canonical(x)));
      return Collections.unmodifiableMap(out);
    }
    return v;
  }

  /** True if the two values are equal after {@link #canonical}. */
  static boolean same(@Nullable Object a, @Nullable Object b) {
    return Objects.equals(canonical(a), canonical(b));
  }

  /** The name of a keyword or string, else null. */
  static @Nullable String name(@Nullable Object v) {
    if (v instanceof Keyword k) {
      return k.name();
    }
    return v instanceof String s ? s : null;
  }

  /** The value as a list, or an {@link IllegalArgumentException} naming what was expected. */
  static List<?> list(@Nullable Object v, int size, String what) {
    if (!(v instanceof List<?> list) || (size >= 0 && list.size() != size)) {
      throw new IllegalArgumentException(
          what + " must be a " + (size >= 0 ? size + "-element " : "") + "list, was " + print(v));
    }
    return list;
  }

  /** EDN text for explanations; falls back to {@code toString} for non-history values. */
  public static String print(@Nullable Object v) {
    try {
      return EdnText.print(v);
    } catch (IllegalArgumentException e) {
      return String.valueOf(v);
    }
  }
}
