package dev.entente.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entente.reports.ReportDocument.Box;
import dev.entente.reports.ReportDocument.Cell;
import dev.entente.reports.ReportDocument.Chart;
import dev.entente.reports.ReportDocument.NumberCell;
import dev.entente.reports.ReportDocument.Section;
import dev.entente.reports.ReportDocument.Series;
import dev.entente.reports.ReportDocument.Table;
import dev.entente.reports.ReportDocument.TextCell;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link ReportDocument} as {@code results.json}: the producer's half of the one schema
 * contract whose consumer is {@link ReportReader} ({@code reports/SCHEMA.md}). Whatever this
 * writes, the reader reads back equal. Fields are written in the schema's order, optional fields
 * only when present, numbers exactly (cells as written decimals). Stateless and thread-safe.
 */
public final class ReportWriter {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private ReportWriter() {}

  /** The document as indented JSON text, ending in a newline. */
  public static String write(ReportDocument d) {
    try {
      return MAPPER.writeValueAsString(tree(d)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report document " + d.title(), e);
    }
  }

  /** The document as a JSON tree. */
  public static JsonNode tree(ReportDocument d) {
    ObjectNode n = NODES.objectNode();
    n.put("schemaVersion", d.schemaVersion());
    n.put("title", d.title());
    n.put("command", d.command());
    ObjectNode m = n.putObject("machine");
    m.put("jdk", d.machine().jdk());
    m.put("cores", d.machine().cores());
    putOptional(m, "os", d.machine().os());
    m.put("commit", d.machine().commit());
    if (d.machine().dirty() != null) {
      m.put("dirty", d.machine().dirty());
    }
    putOptional(n, "mode", d.mode());
    if (d.seeds() != null) {
      n.putObject("seeds").put("first", d.seeds().first()).put("count", d.seeds().count());
    }
    putOptional(n, "summary", d.summary());
    ArrayNode sections = n.putArray("sections");
    d.sections().forEach(s -> sections.add(section(s)));
    return n;
  }

  private static ObjectNode section(Section s) {
    ObjectNode n = NODES.objectNode();
    n.put("id", s.id());
    n.put("title", s.title());
    n.put("question", s.question());
    n.put("setup", s.setup());
    ArrayNode tables = n.putArray("tables");
    s.tables().forEach(t -> tables.add(table(t)));
    ArrayNode charts = n.putArray("charts");
    s.charts().forEach(c -> charts.add(chart(c)));
    n.put("findings", s.findings());
    return n;
  }

  private static ObjectNode table(Table t) {
    ObjectNode n = NODES.objectNode();
    n.put("title", t.title());
    strings(n.putArray("columns"), t.columns());
    ArrayNode rows = n.putArray("rows");
    for (List<Cell> row : t.rows()) {
      ArrayNode r = rows.addArray();
      row.forEach(c -> cell(r, c));
    }
    putOptional(n, "notes", t.notes());
    return n;
  }

  private static void cell(ArrayNode row, Cell c) {
    if (c instanceof TextCell t) {
      row.add(t.value());
    } else if (c instanceof NumberCell num) {
      row.add(num.value());
    } else {
      row.addNull();
    }
  }

  private static ObjectNode chart(Chart c) {
    ObjectNode n = NODES.objectNode();
    n.put("title", c.title());
    n.put("kind", c.kind().jsonName());
    putOptional(n, "xLabel", c.xLabel());
    putOptional(n, "yLabel", c.yLabel());
    strings(n.putArray("categories"), c.categories());
    ArrayNode series = n.putArray("series");
    c.series().forEach(s -> series.add(series(s)));
    return n;
  }

  private static ObjectNode series(Series s) {
    ObjectNode n = NODES.objectNode();
    n.put("name", s.name());
    ArrayNode values = n.putArray("values");
    for (Double v : s.values()) {
      if (v == null) {
        values.addNull();
      } else {
        values.add(v);
      }
    }
    if (!s.boxes().isEmpty()) {
      ArrayNode boxes = n.putArray("boxes");
      s.boxes().forEach(b -> box(boxes, b));
    }
    return n;
  }

  private static void box(ArrayNode into, @Nullable Box b) {
    if (b == null) {
      into.addNull();
      return;
    }
    into.addObject()
        .put("min", b.min())
        .put("q1", b.q1())
        .put("median", b.median())
        .put("q3", b.q3())
        .put("max", b.max())
        .put("minSeed", b.minSeed())
        .put("maxSeed", b.maxSeed())
        .put("runs", b.runs());
  }

  private static void strings(ArrayNode into, List<String> values) {
    values.forEach(into::add);
  }

  private static void putOptional(ObjectNode n, String field, @Nullable String value) {
    if (value != null) {
      n.put(field, value);
    }
  }
}
