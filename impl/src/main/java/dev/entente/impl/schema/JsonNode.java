package dev.entente.impl.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A JSON value with the line it starts on, read with Jackson's streaming parser (which keeps
 * locations, unlike its tree model) so that schema errors can name the line. Immutable once read.
 *
 * @param value a {@code Map<String, JsonNode>}, {@code List<JsonNode>}, String, Boolean, Number or
 *     null
 */
record JsonNode(int line, @Nullable Object value) {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** Parses {@code text}; a syntax error names its line. */
  static JsonNode parse(String source, String text) throws SchemaException {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new SchemaException(source, 1, "the file is empty");
      }
      JsonNode root = read(p);
      if (p.nextToken() != null) {
        throw new SchemaException(source, line(p), "text after the end of the JSON value");
      }
      return root;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new SchemaException(source, line, "not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new SchemaException(source, 0, "cannot read: " + e.getMessage());
    }
  }

  private static JsonNode read(JsonParser p) throws IOException {
    int line = line(p);
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      Map<String, JsonNode> fields = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        fields.put(name, read(p));
      }
      return new JsonNode(line, fields);
    }
    if (t == JsonToken.START_ARRAY) {
      List<JsonNode> items = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        items.add(read(p));
      }
      return new JsonNode(line, items);
    }
    return switch (t) {
      case VALUE_STRING -> new JsonNode(line, p.getText());
      case VALUE_TRUE, VALUE_FALSE -> new JsonNode(line, t == JsonToken.VALUE_TRUE);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonNode(line, p.getNumberValue());
      default -> new JsonNode(line, null);
    };
  }

  private static int line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }
}
