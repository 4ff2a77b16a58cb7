package dev.entente.model.history;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Prints history values (the Java forms documented in {@link HistoryOp}) as EDN text: {@code nil},
 * integers, floats, strings with EDN escapes, keywords, vectors {@code [..]}, maps {@code {k v,
 * ..}} and sets {@code #{..}}. The output reads back, through any EDN reader, to an equal value.
 * Stateless and thread-safe.
 */
public final class EdnText {
  private EdnText() {}

  /** The EDN text of {@code value}; throws {@link IllegalArgumentException} for other types. */
  public static String print(@Nullable Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value);
    return out.toString();
  }

  /** Appends the EDN text of {@code value} to {@code out}. */
  public static void append(StringBuilder out, @Nullable Object value) {
    if (value == null) {
      out.append("nil");
    } else if (value instanceof String s) {
      appendString(out, s);
    } else if (value instanceof Keyword k) {
      // Appended in place, not through toString(): every op of every simulated run prints these.
      out.append(':').append(k.name());
    } else if (value instanceof Long n) {
      out.append(n.longValue());
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      out.append(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      appendDouble(out, ((Number) value).doubleValue());
    } else if (value instanceof List<?> list) {
      appendAll(out, "[", list.iterator(), "]");
    } else if (value instanceof Set<?> set) {
      appendAll(out, "#{", set.iterator(), "}");
    } else if (value instanceof Map<?, ?> map) {
      appendMap(out, map);
    } else {
      throw new IllegalArgumentException(
          "not a history value: " + value + " (" + value.getClass().getName() + ")");
    }
  }

  private static void appendDouble(StringBuilder out, double d) {
    if (Double.isNaN(d)) {
      out.append("##NaN");
    } else if (Double.isInfinite(d)) {
      out.append(d > 0 ? "##Inf" : "##-Inf");
    } else {
      out.append(d);
    }
  }

  private static void appendAll(StringBuilder out, String open, Iterator<?> it, String close) {
    out.append(open);
    while (it.hasNext()) {
      append(out, it.next());
      if (it.hasNext()) {
        out.append(' ');
      }
    }
    out.append(close);
  }

  private static void appendMap(StringBuilder out, Map<?, ?> map) {
    out.append('{');
    Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<?, ?> e = it.next();
      append(out, e.getKey());
      out.append(' ');
      append(out, e.getValue());
      if (it.hasNext()) {
        out.append(", ");
      }
    }
    out.append('}');
  }

  private static void appendString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
