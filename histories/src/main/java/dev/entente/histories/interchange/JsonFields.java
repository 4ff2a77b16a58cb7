package dev.entente.histories.interchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;

/**
 * Typed reads from a Jackson tree that fail with a {@link ChangeJsonException} naming the field by
 * its path ({@code "time.wall"}, {@code "ops[1].op"}) and quoting the offending JSON. Stateless.
 *
 * <p>Integers are read only from JSON integer literals: a float such as {@code 1.0} or a number
 * outside {@code long} range is refused rather than rounded or wrapped.
 */
final class JsonFields {
  private static final int QUOTE_CHARS_MAX = 60;

  private JsonFields() {}

  /** Fails unless {@code node} is a JSON object. */
  static void requireObject(JsonNode node, String path) throws ChangeJsonException {
    if (!node.isObject()) {
      throw new ChangeJsonException(quote(path) + " must be an object, was " + show(node));
    }
  }

  /** Fails on the first field of {@code object} (in document order) not in {@code allowed}. */
  static void rejectUnknown(JsonNode object, Set<String> allowed, String path)
      throws ChangeJsonException {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new ChangeJsonException("unknown field " + quote(child(path, name)));
      }
    }
  }

  /** The field {@code name} of {@code object}; fails if it is absent. */
  static JsonNode required(JsonNode object, String name, String path) throws ChangeJsonException {
    JsonNode value = object.get(name);
    if (value == null) {
      throw new ChangeJsonException("missing field " + quote(child(path, name)));
    }
    return value;
  }

  /** The text of a JSON string; fails for any other type, including null. */
  static String string(JsonNode node, String path) throws ChangeJsonException {
    if (!node.isTextual()) {
      throw new ChangeJsonException(quote(path) + " must be a string, was " + show(node));
    }
    return node.textValue();
  }

  /**
   * A JSON integer literal in {@code [min, max]}; fails for floats, strings, null and integers
   * outside the range. {@code expected} describes the range for the message.
   */
  static long integer(JsonNode node, String path, long min, long max, String expected)
      throws ChangeJsonException {
    boolean ok =
        node.isIntegralNumber()
            && node.canConvertToLong()
            && node.longValue() >= min
            && node.longValue() <= max;
    if (!ok) {
      throw new ChangeJsonException(quote(path) + " must be " + expected + ", was " + show(node));
    }
    return node.longValue();
  }

  /** The path of field {@code name} inside the value at {@code path} ("" is the root). */
  static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** The path of element {@code index} of the array at {@code path}. */
  static String element(String path, int index) {
    return path + "[" + index + "]";
  }

  /** A field path or name in double quotes, as messages show it. */
  static String quote(String path) {
    return "\"" + path + "\"";
  }

  /** The node as compact JSON, cut short so that one huge value cannot flood the terminal. */
  static String show(JsonNode node) {
    String json = node.toString();
    return json.length() <= QUOTE_CHARS_MAX ? json : json.substring(0, QUOTE_CHARS_MAX) + "...";
  }
}
