package dev.entente.simulations.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.entente.model.history.History;
import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.Keyword;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a history as JSON Lines, one op per line, in the shape elle-cli reads: {@code
 * {"index":0,"type":"invoke","process":0,"f":"write","value":...,"time":0}}; the nemesis process is
 * {@code "nemesis"}, keywords become their names, sets become arrays, and map keys are sorted, so
 * the bytes are canonical. A stop-gap until the history package's writers take over. Stateless.
 */
public final class HistoryJsonl {
  private static final JsonFactory JSON = new JsonFactory();

  private HistoryJsonl() {}

  /** The whole history as UTF-8 bytes. */
  public static byte[] bytes(History history) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(history, out);
    return out.toByteArray();
  }

  /** Writes the history to {@code out} (not closed). */
  public static void write(History history, OutputStream out) {
    try {
      for (HistoryOp op : history.ops()) {
        JsonGenerator g = JSON.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        writeOp(g, op);
        g.flush();
        g.close();
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeOp(JsonGenerator g, HistoryOp op) throws IOException {
    g.writeStartObject();
    g.writeNumberField("index", op.index());
    g.writeStringField("type", op.type().name().toLowerCase(Locale.ROOT));
    if (op.isNemesis()) {
      g.writeStringField("process", "nemesis");
    } else {
      g.writeNumberField("process", op.process());
    }
    g.writeStringField("f", op.f().name());
    g.writeFieldName("value");
    value(g, op.value());
    g.writeNumberField("time", op.timeNanos());
    if (op.error() != null) {
      g.writeFieldName("error");
      value(g, op.error());
    }
    g.writeEndObject();
  }

  private static void value(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Keyword k) {
      g.writeString(k.name());
    } else if (v instanceof Long n) {
      g.writeNumber(n);
    } else if (v instanceof Integer n) {
      g.writeNumber(n);
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object o : list) {
        value(g, o);
      }
      g.writeEndArray();
    } else if (v instanceof Set<?> set) {
      g.writeStartArray();
      for (Object o : new java.util.TreeSet<>(set.stream().map(CanonicalEdn::value).toList())) {
        g.writeRawValue(json(o));
      }
      g.writeEndArray();
    } else if (v instanceof Map<?, ?> map) {
      TreeMap<String, Object> sorted = new TreeMap<>();
      map.forEach((k, x) -> sorted.put(k instanceof Keyword kw ? kw.name() : String.valueOf(k), x));
      g.writeStartObject();
      for (Map.Entry<String, Object> e : sorted.entrySet()) {
        g.writeFieldName(e.getKey());
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else {
      throw new IllegalArgumentException("not history data: " + v.getClass().getName());
    }
  }

  private static String json(Object ednText) {
    // Sets never occur in simulator histories; keep them readable rather than exact.
    return "\"" + ednText.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
