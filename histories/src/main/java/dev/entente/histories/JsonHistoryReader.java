package dev.entente.histories;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entente.model.history.History;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads histories in JSON: a JSON array of op objects, JSON Lines (one op object per line), or any
 * stream of such top-level values, as elle-cli's JSON twins of EDN histories are written: keys
 * {@code type}, {@code process}, {@code f}, {@code value}, {@code time}, {@code index}, {@code
 * error} (see {@link OpMaps}); keywords are bare strings ({@code "type":"invoke"}, {@code
 * "process":"nemesis"}). Values decode as {@link JsonValues} says. Errors, truncation included, are
 * {@link HistoryParseException}s with the line and column. Thread-safe.
 */
public final class JsonHistoryReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  /** Reads the history in {@code file} (UTF-8). */
  public History read(Path file) throws HistoryParseException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new HistoryParseException(file.toString(), 0, 0, "cannot read: " + e, e);
    }
  }

  /**
   * Reads a history from {@code in}; {@code source} names it in errors. Does not close {@code in}.
   */
  public History read(Reader in, String source) throws HistoryParseException {
    List<OpMaps.Located> ops = new ArrayList<>();
    try (JsonParser parser = FACTORY.createParser(in)) {
      parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        if (t == JsonToken.START_ARRAY) {
          for (t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            if (t == null) {
              throw new HistoryParseException(
                  source,
                  line(parser),
                  column(parser),
                  "truncated JSON: the history array is not closed");
            }
            ops.add(readOp(parser, source));
          }
        } else {
          ops.add(readOp(parser, source));
        }
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new HistoryParseException(
          source,
          at == null ? 0 : at.getLineNr(),
          at == null ? 0 : at.getColumnNr(),
          "malformed JSON: " + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new HistoryParseException(source, 0, 0, "cannot read: " + e, e);
    }
    return OpMaps.history(source, ops);
  }

  private static OpMaps.Located readOp(JsonParser parser, String source)
      throws IOException, HistoryParseException {
    long line = line(parser);
    long column = column(parser);
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw new HistoryParseException(
          source, line, column, "expected an op object, found " + parser.currentToken());
    }
    JsonNode node = MAPPER.readTree(parser);
    Object value;
    try {
      value = JsonValues.decode(node);
    } catch (IllegalArgumentException e) {
      throw new HistoryParseException(
          source, line, column, Objects.requireNonNullElse(e.getMessage(), e.toString()), e);
    }
    if (!(value instanceof Map<?, ?> map)) {
      // A JSON object always decodes to a map; anything else means the decoder broke its contract.
      throw new HistoryParseException(source, line, column, "expected an op object, found " + node);
    }
    return new OpMaps.Located(map, line, column);
  }

  private static long line(JsonParser parser) {
    return parser.currentTokenLocation().getLineNr();
  }

  private static long column(JsonParser parser) {
    return parser.currentTokenLocation().getColumnNr();
  }
}
