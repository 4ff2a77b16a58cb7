package dev.entente.peers.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * The protocol's JSON: one object per line, written compactly with fields in insertion order (so
 * the same message is always the same bytes, which the trace hash relies on). Thread-safe.
 */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** A new empty object. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** The object on {@code line}, or null if the line is not exactly one JSON object. */
  public static @Nullable ObjectNode parseObject(String line) {
    try {
      JsonNode node = MAPPER.readTree(line);
      return node instanceof ObjectNode o ? o : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** {@code node} as one line. */
  public static String line(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree failed to serialise: " + e.getMessage(), e);
    }
  }
}
