package dev.entente.impl.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.Value;
import dev.entente.model.schema.SchemaChain;
import dev.entente.model.schema.VersionedView;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * {@code entente replay --schema FILE --read-as VERSION}: parses and type-checks the schema file,
 * reads a change log at one version, and renders the view as one line of JSON, {@code
 * {"version":V,"known":{...},"opaque":{...}}}. Stateless.
 */
public final class SchemaRead {
  private static final JsonFactory FACTORY = new JsonFactory();

  private SchemaRead() {}

  /**
   * The view of {@code log} at {@code version} (0 for the chain's latest) of the schema in {@code
   * text}, as JSON.
   *
   * @throws SchemaException if the file does not parse, a lens does not type-check, or the chain
   *     has no such version
   */
  public static String render(String source, String text, int version, List<Change> log)
      throws SchemaException {
    SchemaChain chain = SchemaFile.parse(source, text);
    int v = version == 0 ? chain.latest() : version;
    if (v < 1 || v > chain.latest()) {
      throw new SchemaException(source, 0, "no version " + v + " (1.." + chain.latest() + ")");
    }
    VersionedView view = new SchemaViews(new Translator(chain)).read(log, v);
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("version", v);
      object(g, "known", view.known());
      object(g, "opaque", view.opaque());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void object(JsonGenerator g, String name, Map<Key, Value> entries)
      throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<Key, Value> e : entries.entrySet()) {
      g.writeStringField(e.getKey().value(), e.getValue().value());
    }
    g.writeEndObject();
  }
}
