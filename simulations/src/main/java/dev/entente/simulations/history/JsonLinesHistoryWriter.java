package dev.entente.simulations.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.entente.model.history.History;
import dev.entente.model.history.HistoryOp;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a history as JSON Lines, one op object per line, in elle-cli's JSON shape: {@code
 * {"index":0,"time":12,"type":"invoke","process":3,"f":"read","value":null}} ({@code time} only
 * when known, {@code error} only when present, {@code "process":"nemesis"} for nemesis events).
 * Values use {@link JsonValues}'s escapes so that {@link JsonHistoryReader} reads the output back
 * to an equal {@link History}. Stateless and thread-safe.
 */
public final class JsonLinesHistoryWriter {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** Writes {@code history} to {@code file} (UTF-8), replacing it. */
  public void write(History history, Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(history, out);
    }
  }

  /** Writes {@code history} to {@code out}; does not close it. */
  public void write(History history, Writer out) throws IOException {
    for (HistoryOp op : history.ops()) {
      out.write(line(op));
      out.write('\n');
    }
    out.flush();
  }

  private static String line(HistoryOp op) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(text)) {
      json.writeStartObject();
      json.writeNumberField("index", op.index());
      if (op.timeNanos() >= 0) {
        json.writeNumberField("time", op.timeNanos());
      }
      json.writeStringField("type", op.type().name().toLowerCase(Locale.ROOT));
      if (op.isNemesis()) {
        json.writeStringField("process", "nemesis");
      } else {
        json.writeNumberField("process", op.process());
      }
      json.writeStringField("f", op.f().name());
      json.writeFieldName("value");
      JsonValues.encode(json, op.value());
      if (op.error() != null) {
        json.writeFieldName("error");
        JsonValues.encode(json, op.error());
      }
      json.writeEndObject();
    }
    return text.toString();
  }
}
