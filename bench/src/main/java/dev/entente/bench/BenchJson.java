package dev.entente.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The JSON form of the tables bench writes for the campaign and the reports: indented, map keys
 * sorted, so that a file's bytes depend only on its rows. The mapper is thread-safe once built.
 */
final class BenchJson {
  /** The one mapper of the bench's result tables and sidecars. */
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private BenchJson() {}

  /** Writes {@code rows} to {@code file} as an array of objects, each filled by {@code fields}. */
  static <T> void writeArray(List<T> rows, BiConsumer<T, ObjectNode> fields, Path file)
      throws IOException {
    ArrayNode array = MAPPER.createArrayNode();
    for (T r : rows) {
      fields.accept(r, array.addObject());
    }
    MAPPER.writeValue(file.toFile(), array);
  }
}
