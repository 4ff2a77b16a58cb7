package dev.entente.histories;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.entente.model.history.HistoryOp;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;

/**
 * The JSON object of one op, shared by the JSON and JSON Lines writers: {@code
 * {"index":0,"time":12,"type":"invoke","process":3,"f":"read","value":null}} in elle-cli's shape
 * ({@code time} only when known, {@code error} only when present, {@code "process":"nemesis"} for
 * nemesis events). Values are put in canonical order and written with {@link JsonValues}'s escapes,
 * so {@link JsonHistoryReader} reads them back equal. Stateless.
 */
final class JsonOps {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonOps() {}

  /** {@code op} as one line of JSON, without the newline. */
  static String object(HistoryOp op) {
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
      JsonValues.encode(json, CanonicalOrder.of(op.value()));
      if (op.error() != null) {
        json.writeFieldName("error");
        JsonValues.encode(json, CanonicalOrder.of(op.error()));
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("a StringWriter does not fail", e);
    }
    return text.toString();
  }
}
