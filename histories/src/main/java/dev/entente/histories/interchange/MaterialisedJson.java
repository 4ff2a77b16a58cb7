package dev.entente.histories.interchange;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.entente.model.Key;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.Value;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Prints a {@link MaterialisedMap} as one compact JSON object, so that two runs (or a replay and
 * the oracle) can be compared byte for byte.
 *
 * <p>Keys appear in the map's order, which is code-point order, and absent keys are omitted. Under
 * {@link RegisterPolicy#MV} every key maps to an array of its sorted sibling values, even a single
 * one, so the shape of the output does not depend on whether there was a conflict; under the
 * single-valued policies every key maps to its value as a string. Non-ASCII characters are written
 * as themselves (the caller chooses UTF-8 for the stream). Stateless and thread-safe.
 */
public final class MaterialisedJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private MaterialisedJson() {}

  /**
   * The map as one line of JSON, without a trailing newline.
   *
   * @throws IllegalStateException if a single-valued policy's map has a key with siblings
   */
  public static String write(MaterialisedMap map, RegisterPolicy policy) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      for (Map.Entry<Key, List<Value>> e : map.entries().entrySet()) {
        json.writeFieldName(e.getKey().value());
        if (policy == RegisterPolicy.MV) {
          writeSiblings(json, e.getValue());
        } else {
          json.writeString(single(map, e.getKey()).value());
        }
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen: writing to a string", e);
    }
    return out.toString();
  }

  /** The key's one value: a materialised map keeps no key without a value. */
  private static Value single(MaterialisedMap map, Key key) {
    return Objects.requireNonNull(
        map.single(key), () -> "materialised key without a value: " + key);
  }

  private static void writeSiblings(JsonGenerator json, List<Value> values) throws IOException {
    json.writeStartArray();
    for (Value v : values) {
      json.writeString(v.value());
    }
    json.writeEndArray();
  }
}
