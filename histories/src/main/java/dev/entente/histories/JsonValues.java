package dev.entente.histories;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.entente.model.history.Keyword;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The JSON form of history values. Plain JSON reads as elle-cli writes its JSON twins (keywords
 * there are bare strings): null, integers as {@link Long}, other numbers as {@link Double},
 * strings, booleans, arrays as lists, objects as maps with string keys. To round-trip what plain
 * JSON cannot say, the writer borrows Transit's escapes and the reader honours them: {@code "~:x"}
 * is the keyword {@code :x}, a string starting with {@code ~} is written {@code "~~..."}, an
 * integer map key is {@code "~i5"}, {@code {"~#set": [...]}} is a set and {@code {"~#cmap": [k1,
 * v1, ...]}} a map with keys of any type. Stateless.
 */
final class JsonValues {
  private static final String SET = "~#set";
  private static final String CMAP = "~#cmap";

  private JsonValues() {}

  /** Decodes a JSON tree; throws {@link IllegalArgumentException} for unsupported numbers. */
  static @Nullable Object decode(@Nullable JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isIntegralNumber()) {
      if (!node.canConvertToLong()) {
        throw new IllegalArgumentException("integer " + node + " does not fit in 64 bits");
      }
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isTextual()) {
      return decodeString(node.textValue());
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isArray()) {
      List<Object> out = new ArrayList<>(node.size());
      node.forEach(x -> out.add(decode(x)));
      return Collections.unmodifiableList(out);
    }
    return decodeObject(node);
  }

  private static Object decodeObject(JsonNode node) {
    if (node.size() == 1 && node.has(SET) && node.get(SET).isArray()) {
      Set<Object> out = new LinkedHashSet<>();
      node.get(SET).forEach(x -> out.add(decode(x)));
      return Collections.unmodifiableSet(out);
    }
    Map<Object, Object> out = new LinkedHashMap<>();
    if (node.size() == 1 && node.has(CMAP) && node.get(CMAP).isArray()) {
      JsonNode kvs = node.get(CMAP);
      for (int i = 0; i + 1 < kvs.size(); i += 2) {
        out.put(decode(kvs.get(i)), decode(kvs.get(i + 1)));
      }
      return Collections.unmodifiableMap(out);
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      out.put(decodeKey(e.getKey()), decode(e.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }

  private static Object decodeKey(String key) {
    if (key.startsWith("~i") && key.length() > 2) {
      try {
        return Long.parseLong(key.substring(2));
      } catch (NumberFormatException e) {
        return key;
      }
    }
    return decodeString(key);
  }

  private static Object decodeString(String s) {
    if (s.startsWith("~:") && s.length() > 2) {
      return Keyword.of(s.substring(2));
    }
    if (s.startsWith("~~")) {
      return s.substring(1);
    }
    return s;
  }

  /** Writes {@code value} so that {@link #decode} reads back an equal value. */
  static void encode(JsonGenerator out, @Nullable Object value) throws IOException {
    if (value == null) {
      out.writeNull();
    } else if (value instanceof Long || value instanceof Integer) {
      out.writeNumber(((Number) value).longValue());
    } else if (value instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw new IllegalArgumentException("JSON has no " + d);
      }
      out.writeNumber(d);
    } else if (value instanceof String s) {
      out.writeString(s.startsWith("~") ? "~" + s : s);
    } else if (value instanceof Keyword k) {
      out.writeString("~:" + k.name());
    } else if (value instanceof Boolean b) {
      out.writeBoolean(b);
    } else if (value instanceof List<?> list) {
      encodeAll(out, list);
    } else if (value instanceof Set<?> set) {
      out.writeStartObject();
      out.writeFieldName(SET);
      encodeAll(out, set);
      out.writeEndObject();
    } else if (value instanceof Map<?, ?> map) {
      encodeMap(out, map);
    } else {
      throw new IllegalArgumentException("not a history value: " + value);
    }
  }

  private static void encodeAll(JsonGenerator out, Iterable<?> values) throws IOException {
    out.writeStartArray();
    for (Object x : values) {
      encode(out, x);
    }
    out.writeEndArray();
  }

  private static void encodeMap(JsonGenerator out, Map<?, ?> map) throws IOException {
    boolean simpleKeys =
        map.keySet().stream()
            .allMatch(k -> k instanceof String || k instanceof Keyword || k instanceof Long);
    out.writeStartObject();
    if (!simpleKeys) {
      out.writeFieldName(CMAP);
      out.writeStartArray();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        encode(out, e.getKey());
        encode(out, e.getValue());
      }
      out.writeEndArray();
    } else {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.writeFieldName(encodeKey(e.getKey()));
        encode(out, e.getValue());
      }
    }
    out.writeEndObject();
  }

  private static String encodeKey(Object key) {
    if (key instanceof Long l) {
      return "~i" + l;
    }
    if (key instanceof Keyword k) {
      return "~:" + k.name();
    }
    String s = (String) key;
    return s.startsWith("~") ? "~" + s : s;
  }
}
