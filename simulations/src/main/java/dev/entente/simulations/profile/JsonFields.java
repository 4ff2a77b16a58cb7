package dev.entente.simulations.profile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entente.simulations.random.Ratio;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Strict typed access to one JSON object of a profile file: each getter names the field, so a
 * missing field, a field of the wrong type, or a value its parser refuses becomes a {@link
 * ProfileException} naming the file and the field's dotted path; {@link #done} refuses the fields
 * nobody asked for. Mutable (it remembers the fields read), single-use.
 */
final class JsonFields {
  private final String source;
  private final String path;
  private final JsonNode node;
  private final Set<String> read = new LinkedHashSet<>();

  JsonFields(String source, String path, JsonNode node) {
    this.source = source;
    this.path = path;
    this.node = node;
    if (!node.isObject()) {
      throw error(path.isEmpty() ? ProfileException.WHOLE_FILE : path, "must be an object");
    }
  }

  String text(String name) {
    JsonNode v = field(name);
    if (!v.isTextual()) {
      throw error(where(name), "must be a string, was " + v);
    }
    return v.asText();
  }

  long integer(String name) {
    JsonNode v = field(name);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw error(where(name), "must be an integer, was " + v);
    }
    return v.asLong();
  }

  int smallInteger(String name) {
    long v = integer(name);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw error(where(name), "must fit in 32 bits, was " + v);
    }
    return (int) v;
  }

  boolean bool(String name) {
    JsonNode v = field(name);
    if (!v.isBoolean()) {
      throw error(where(name), "must be true or false, was " + v);
    }
    return v.asBoolean();
  }

  /** A probability written {@code "n/d"}, with {@code 0 <= n <= d} and {@code d > 0}. */
  Ratio ratio(String name) {
    String text = text(name);
    return parse(name, text, Ratio::parse);
  }

  JsonFields object(String name) {
    return new JsonFields(source, where(name), field(name));
  }

  /** The elements of an array field, each with its own dotted path {@code name[i]}. */
  List<JsonNode> array(String name) {
    JsonNode v = field(name);
    if (!v.isArray()) {
      throw error(where(name), "must be an array, was " + v);
    }
    List<JsonNode> out = new ArrayList<>();
    v.forEach(out::add);
    return out;
  }

  /** True if the object has the field (it still has to be read to count as known). */
  boolean has(String name) {
    return node.has(name);
  }

  /** The names of the object's fields in file order. */
  List<String> names() {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** {@code parser.apply(text)}, with its {@link IllegalArgumentException} located at the field. */
  <T> T parse(String name, String text, Function<String, T> parser) {
    return located(name, () -> parser.apply(text));
  }

  /** {@code build.get()}, with its {@link IllegalArgumentException} located at {@code name}. */
  <T> T located(String name, Supplier<T> build) {
    try {
      return build.get();
    } catch (ProfileException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ProfileException(
          source, where(name), Objects.requireNonNullElse(e.getMessage(), e.toString()), e);
    }
  }

  /** {@code build.get()}, with its {@link IllegalArgumentException} located at this object. */
  <T> T locatedHere(Supplier<T> build) {
    try {
      return build.get();
    } catch (ProfileException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ProfileException(
          source,
          path.isEmpty() ? ProfileException.WHOLE_FILE : path,
          Objects.requireNonNullElse(e.getMessage(), e.toString()),
          e);
    }
  }

  /** Refuses every field not read, naming the first and the fields this object knows. */
  void done() {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!read.contains(name)) {
        throw error(where(name), "unknown field; expected one of " + String.join(", ", read));
      }
    }
  }

  ProfileException error(String field, String problem) {
    return new ProfileException(source, field, problem);
  }

  String where(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  String source() {
    return source;
  }

  private JsonNode field(String name) {
    read.add(name);
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw error(where(name), "missing");
    }
    return v;
  }
}
