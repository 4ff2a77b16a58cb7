package dev.entente.simulations.io;

import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.Keyword;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes history data as canonical EDN: map entries and set elements sorted by their own canonical
 * text, so equal values always print the same whatever the map implementation's iteration order
 * (the JDK's immutable maps iterate in a per-JVM random order). Used for the trace hash and for
 * {@code history.edn}. Stateless.
 */
public final class CanonicalEdn {
  private CanonicalEdn() {}

  /** One history op as an EDN map with keys in Jepsen's order. */
  public static String op(HistoryOp op) {
    StringBuilder b = new StringBuilder("{:index ").append(op.index());
    b.append(" :type :").append(op.type().name().toLowerCase(Locale.ROOT));
    b.append(" :process ").append(op.isNemesis() ? ":nemesis" : Long.toString(op.process()));
    b.append(" :f ").append(op.f());
    b.append(" :value ").append(value(op.value()));
    b.append(" :time ").append(op.timeNanos());
    if (op.error() != null) {
      b.append(" :error ").append(value(op.error()));
    }
    return b.append('}').toString();
  }

  /** Any EDN datum in Java form (see {@link HistoryOp}). */
  public static String value(Object v) {
    if (v == null) {
      return "nil";
    }
    if (v instanceof String s) {
      return string(s);
    }
    if (v instanceof Keyword || v instanceof Long || v instanceof Integer || v instanceof Boolean) {
      return v.toString();
    }
    if (v instanceof Double d) {
      return Double.toString(d);
    }
    if (v instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      for (Object o : list) {
        parts.add(value(o));
      }
      return "[" + String.join(" ", parts) + "]";
    }
    if (v instanceof Map<?, ?> map) {
      List<String> parts = new ArrayList<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        parts.add(value(e.getKey()) + " " + value(e.getValue()));
      }
      parts.sort(null);
      return "{" + String.join(", ", parts) + "}";
    }
    if (v instanceof Set<?> set) {
      List<String> parts = new ArrayList<>();
      for (Object o : set) {
        parts.add(value(o));
      }
      parts.sort(null);
      return "#{" + String.join(" ", parts) + "}";
    }
    throw new IllegalArgumentException("not EDN data: " + v.getClass().getName());
  }

  private static String string(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
