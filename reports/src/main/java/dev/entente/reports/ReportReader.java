package dev.entente.reports;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.entente.reports.ReportDocument.Box;
import dev.entente.reports.ReportDocument.Cell;
import dev.entente.reports.ReportDocument.Chart;
import dev.entente.reports.ReportDocument.ChartKind;
import dev.entente.reports.ReportDocument.EmptyCell;
import dev.entente.reports.ReportDocument.Machine;
import dev.entente.reports.ReportDocument.NumberCell;
import dev.entente.reports.ReportDocument.Section;
import dev.entente.reports.ReportDocument.Seeds;
import dev.entente.reports.ReportDocument.Series;
import dev.entente.reports.ReportDocument.Table;
import dev.entente.reports.ReportDocument.TextCell;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads and validates {@code results.json} (schema version 1, {@code reports/SCHEMA.md}) into a
 * {@link ReportDocument}.
 *
 * <p>Parsing is strict about what the renderer needs and lenient about the rest: unknown fields are
 * ignored, an optional field that is {@code null} counts as absent, but duplicate keys, trailing
 * content, a missing required field or a value of the wrong type is an {@link
 * InvalidReportException} listing every problem with its path. Numbers are read exactly (as
 * decimals, not doubles). Stateless and thread-safe.
 */
public final class ReportReader {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** Creates a reader. */
  public ReportReader() {}

  /**
   * Reads the document in {@code file}.
   *
   * @throws IOException if the file cannot be read
   * @throws InvalidReportException if it is not JSON or not a valid document
   */
  public ReportDocument read(Path file) throws IOException {
    String json = Files.readString(file, StandardCharsets.UTF_8);
    return read(json, file.getFileName() == null ? file.toString() : file.getFileName().toString());
  }

  /**
   * Reads a document from JSON text.
   *
   * @param json the document
   * @param source what to call it in error messages, e.g. its file name
   * @throws InvalidReportException if it is not JSON or not a valid document
   */
  public ReportDocument read(String json, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidReportException(source, List.of(describe(e)));
    }
    Decoder decoder = new Decoder();
    ReportDocument document = decoder.document(root);
    if (!decoder.problems.isEmpty() || document == null) {
      throw new InvalidReportException(source, decoder.problems);
    }
    return document;
  }

  private static String describe(JsonProcessingException e) {
    JsonLocation where = e.getLocation();
    String at =
        where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    return "$: not valid JSON" + at + ": " + e.getOriginalMessage();
  }

  /**
   * Walks the JSON tree with the path of each node, collecting problems. A decode method returns
   * {@code null} when its subtree had a problem, so no record is built from partial data.
   */
  private static final class Decoder {
    final List<String> problems = new ArrayList<>();

    @Nullable ReportDocument document(@Nullable JsonNode root) {
      if (root == null || !root.isObject()) {
        problem("$", "expected a JSON object, found " + kind(root));
        return null;
      }
      int before = problems.size();
      Integer version = requiredInt(root, "", "schemaVersion", Long.MIN_VALUE);
      if (version != null && version != ReportDocument.SCHEMA_VERSION) {
        // Another version's fields may mean other things: do not judge them by version 1.
        problem("schemaVersion", "unsupported version " + version + " (this renderer reads 1)");
        return null;
      }
      String title = requiredText(root, "", "title");
      String command = requiredText(root, "", "command");
      Machine machine = machine(root.get("machine"), "machine");
      String mode = optionalText(root, "", "mode");
      Seeds seeds = seeds(root.get("seeds"), "seeds");
      String summary = optionalText(root, "", "summary");
      List<Section> sections = sections(root);
      if (problems.size() > before || title == null || command == null || machine == null) {
        return null;
      }
      return new ReportDocument(
          ReportDocument.SCHEMA_VERSION, title, command, machine, mode, seeds, summary, sections);
    }

    @Nullable Machine machine(JsonNode node, String path) {
      if (!requireObject(node, path)) {
        return null;
      }
      int before = problems.size();
      String jdk = requiredText(node, path, "jdk");
      Integer cores = requiredInt(node, path, "cores", 1);
      String os = optionalText(node, path, "os");
      String commit = requiredText(node, path, "commit");
      Boolean dirty = null;
      JsonNode dirtyNode = node.get("dirty");
      if (dirtyNode != null && !dirtyNode.isNull()) {
        if (dirtyNode.isBoolean()) {
          dirty = dirtyNode.booleanValue();
        } else {
          problem(join(path, "dirty"), "expected true or false, found " + kind(dirtyNode));
        }
      }
      if (problems.size() > before || jdk == null || cores == null || commit == null) {
        return null;
      }
      return new Machine(jdk, cores, os, commit, dirty);
    }

    @Nullable Seeds seeds(@Nullable JsonNode node, String path) {
      if (node == null || node.isNull()) {
        return null;
      }
      if (!requireObject(node, path)) {
        return null;
      }
      Long first = requiredLong(node, path, "first", Long.MIN_VALUE);
      Long count = requiredLong(node, path, "count", 1);
      return first == null || count == null ? null : new Seeds(first, count);
    }

    List<Section> sections(JsonNode root) {
      List<Section> sections = new ArrayList<>();
      JsonNode array = requiredArray(root, "", "sections");
      if (array == null) {
        return sections;
      }
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < array.size(); i++) {
        String path = "sections[" + i + "]";
        Section section = section(array.get(i), path);
        if (section != null) {
          if (ids.add(section.id())) {
            sections.add(section);
          } else {
            problem(path + ".id", "duplicate section id \"" + section.id() + "\"");
          }
        }
      }
      return sections;
    }

    @Nullable Section section(JsonNode node, String path) {
      if (!requireObject(node, path)) {
        return null;
      }
      int before = problems.size();
      String id = requiredText(node, path, "id");
      String title = requiredText(node, path, "title");
      String question = requiredText(node, path, "question");
      String setup = requiredText(node, path, "setup");
      List<Table> tables = new ArrayList<>();
      JsonNode tableArray = optionalArray(node, path, "tables");
      for (int i = 0; tableArray != null && i < tableArray.size(); i++) {
        tables.add(table(tableArray.get(i), join(path, "tables") + "[" + i + "]"));
      }
      List<Chart> charts = new ArrayList<>();
      JsonNode chartArray = optionalArray(node, path, "charts");
      for (int i = 0; chartArray != null && i < chartArray.size(); i++) {
        charts.add(chart(chartArray.get(i), join(path, "charts") + "[" + i + "]"));
      }
      String findings = requiredText(node, path, "findings");
      if (problems.size() > before
          || id == null
          || title == null
          || question == null
          || setup == null
          || findings == null) {
        return null;
      }
      return new Section(id, title, question, setup, tables, charts, findings);
    }

    @Nullable Table table(JsonNode node, String path) {
      if (!requireObject(node, path)) {
        return null;
      }
      int before = problems.size();
      String title = requiredText(node, path, "title");
      List<String> columns = textArray(node, path, "columns", true);
      List<List<Cell>> rows = new ArrayList<>();
      JsonNode rowArray = requiredArray(node, path, "rows");
      for (int r = 0; rowArray != null && r < rowArray.size(); r++) {
        String rowPath = join(path, "rows") + "[" + r + "]";
        rows.add(row(rowArray.get(r), rowPath, columns == null ? -1 : columns.size()));
      }
      String notes = optionalText(node, path, "notes");
      if (problems.size() > before || title == null || columns == null) {
        return null;
      }
      return new Table(title, columns, rows, notes);
    }

    @Nullable List<Cell> row(@Nullable JsonNode node, String path, int width) {
      if (node == null || !node.isArray()) {
        problem(path, "expected an array of cells, found " + kind(node));
        return null;
      }
      if (width >= 0 && node.size() != width) {
        problem(path, "has " + node.size() + " cells, the table has " + width + " columns");
      }
      List<Cell> cells = new ArrayList<>(node.size());
      for (int c = 0; c < node.size(); c++) {
        JsonNode cell = node.get(c);
        if (cell.isNull()) {
          cells.add(new EmptyCell());
        } else if (cell.isTextual()) {
          cells.add(new TextCell(cell.textValue()));
        } else if (cell.isNumber()) {
          cells.add(new NumberCell(cell.decimalValue()));
        } else {
          problem(path + "[" + c + "]", "expected a string, number or null, found " + kind(cell));
        }
      }
      return cells;
    }

    @Nullable Chart chart(JsonNode node, String path) {
      if (!requireObject(node, path)) {
        return null;
      }
      int before = problems.size();
      String title = requiredText(node, path, "title");
      ChartKind kind = chartKind(node, path);
      String xLabel = optionalText(node, path, "xLabel");
      String yLabel = optionalText(node, path, "yLabel");
      List<String> categories = textArray(node, path, "categories", true);
      if (categories != null && new HashSet<>(categories).size() != categories.size()) {
        problem(join(path, "categories"), "has a duplicate category");
      }
      List<Series> series = new ArrayList<>();
      JsonNode seriesArray = requiredArray(node, path, "series");
      if (seriesArray != null && seriesArray.isEmpty()) {
        problem(join(path, "series"), "expected at least one series");
      }
      Set<String> names = new HashSet<>();
      for (int i = 0; seriesArray != null && i < seriesArray.size(); i++) {
        String seriesPath = join(path, "series") + "[" + i + "]";
        Series one = series(seriesArray.get(i), seriesPath, categories, kind);
        if (one != null && !names.add(one.name())) {
          problem(join(seriesPath, "name"), "duplicate series name \"" + one.name() + "\"");
        }
        series.add(one);
      }
      if (problems.size() > before || title == null || kind == null || categories == null) {
        return null;
      }
      return new Chart(title, kind, xLabel, yLabel, categories, series);
    }

    @Nullable ChartKind chartKind(JsonNode node, String path) {
      String kind = requiredText(node, path, "kind");
      for (ChartKind candidate : ChartKind.values()) {
        if (candidate.jsonName().equals(kind)) {
          return candidate;
        }
      }
      if (kind != null) {
        problem(
            join(path, "kind"), "expected \"bar\", \"line\" or \"box\", found \"" + kind + "\"");
      }
      return null;
    }

    @Nullable Series series(
        JsonNode node, String path, @Nullable List<String> categories, @Nullable ChartKind kind) {
      if (!requireObject(node, path)) {
        return null;
      }
      int before = problems.size();
      String name = requiredText(node, path, "name");
      JsonNode array = requiredArray(node, path, "values");
      List<Double> values = new ArrayList<>();
      if (array != null && categories != null && array.size() != categories.size()) {
        problem(
            join(path, "values"),
            "has " + array.size() + " values for " + categories.size() + " categories");
      }
      for (int i = 0; array != null && i < array.size(); i++) {
        JsonNode value = array.get(i);
        if (value.isNull()) {
          values.add(null);
        } else if (value.isNumber() && Double.isFinite(value.doubleValue())) {
          values.add(value.doubleValue());
        } else {
          problem(
              join(path, "values") + "[" + i + "]",
              "expected a number or null, found " + kind(value));
        }
      }
      List<Box> boxes = boxes(node, path, categories, kind);
      if (problems.size() > before || name == null) {
        return null;
      }
      return new Series(name, values, boxes);
    }

    /** A box chart's series needs {@code boxes}, one (or null) per category; others have none. */
    List<Box> boxes(
        JsonNode node, String path, @Nullable List<String> categories, @Nullable ChartKind kind) {
      List<Box> boxes = new ArrayList<>();
      JsonNode array = node.get("boxes");
      String boxesPath = join(path, "boxes");
      if (kind != ChartKind.BOX) {
        if (array != null && !array.isNull()) {
          problem(boxesPath, "only a chart of kind \"box\" has boxes");
        }
        return boxes;
      }
      if (array == null || !array.isArray()) {
        problem(boxesPath, "expected an array of boxes, found " + kind(array));
        return boxes;
      }
      if (categories != null && array.size() != categories.size()) {
        problem(
            boxesPath, "has " + array.size() + " boxes for " + categories.size() + " categories");
      }
      for (int i = 0; i < array.size(); i++) {
        boxes.add(array.get(i).isNull() ? null : box(array.get(i), boxesPath + "[" + i + "]"));
      }
      return boxes;
    }

    @Nullable Box box(JsonNode node, String path) {
      if (!requireObject(node, path)) {
        return null;
      }
      int before = problems.size();
      double[] five = new double[5];
      String[] names = {"min", "q1", "median", "q3", "max"};
      for (int i = 0; i < names.length; i++) {
        JsonNode v = node.get(names[i]);
        if (v == null || !v.isNumber() || !Double.isFinite(v.doubleValue())) {
          problem(join(path, names[i]), "expected a number, found " + kind(v));
        } else {
          five[i] = v.doubleValue();
        }
      }
      Long minSeed = requiredLong(node, path, "minSeed", 0);
      Long maxSeed = requiredLong(node, path, "maxSeed", 0);
      Long runs = requiredLong(node, path, "runs", 1);
      if (problems.size() > before || minSeed == null || maxSeed == null || runs == null) {
        return null;
      }
      try {
        return new Box(five[0], five[1], five[2], five[3], five[4], minSeed, maxSeed, runs);
      } catch (IllegalArgumentException e) {
        problem(path, Objects.requireNonNullElse(e.getMessage(), e.toString()));
        return null;
      }
    }

    @Nullable List<String> textArray(JsonNode node, String path, String field, boolean nonEmpty) {
      JsonNode array = requiredArray(node, path, field);
      if (array == null) {
        return null;
      }
      String arrayPath = join(path, field);
      if (nonEmpty && array.isEmpty()) {
        problem(arrayPath, "expected at least one entry");
        return null;
      }
      List<String> texts = new ArrayList<>(array.size());
      boolean ok = true;
      for (int i = 0; i < array.size(); i++) {
        JsonNode item = array.get(i);
        if (item.isTextual()) {
          texts.add(item.textValue());
        } else {
          problem(arrayPath + "[" + i + "]", "expected a string, found " + kind(item));
          ok = false;
        }
      }
      return ok ? texts : null;
    }

    @Nullable String requiredText(JsonNode node, String path, String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        problem(join(path, field), "missing (a string is required)");
        return null;
      }
      if (!value.isTextual()) {
        problem(join(path, field), "expected a string, found " + kind(value));
        return null;
      }
      if (value.textValue().isBlank()) {
        problem(join(path, field), "must not be blank");
        return null;
      }
      return value.textValue();
    }

    @Nullable String optionalText(JsonNode node, String path, String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isTextual()) {
        problem(join(path, field), "expected a string, found " + kind(value));
        return null;
      }
      return value.textValue();
    }

    @Nullable Integer requiredInt(JsonNode node, String path, String field, long min) {
      Long value = requiredLong(node, path, field, min);
      if (value == null) {
        return null;
      }
      if (value != value.intValue()) {
        problem(join(path, field), "out of range: " + value);
        return null;
      }
      return value.intValue();
    }

    @Nullable Long requiredLong(JsonNode node, String path, String field, long min) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        problem(join(path, field), "missing (an integer is required)");
        return null;
      }
      if (!value.isIntegralNumber() || !value.canConvertToLong()) {
        problem(join(path, field), "expected an integer, found " + kind(value));
        return null;
      }
      if (value.longValue() < min) {
        problem(join(path, field), "must be at least " + min + ", found " + value.longValue());
        return null;
      }
      return value.longValue();
    }

    @Nullable JsonNode requiredArray(JsonNode node, String path, String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        problem(join(path, field), "missing (an array is required)");
        return null;
      }
      if (!value.isArray()) {
        problem(join(path, field), "expected an array, found " + kind(value));
        return null;
      }
      return value;
    }

    @Nullable JsonNode optionalArray(JsonNode node, String path, String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return null;
      }
      return requiredArray(node, path, field);
    }

    boolean requireObject(@Nullable JsonNode node, String path) {
      if (node == null || node.isNull()) {
        problem(path, "missing (an object is required)");
        return false;
      }
      if (!node.isObject()) {
        problem(path, "expected an object, found " + kind(node));
        return false;
      }
      return true;
    }

    void problem(String path, String what) {
      problems.add(path + ": " + what);
    }

    private static String join(String path, String field) {
      return path.isEmpty() ? field : path + "." + field;
    }

    private static String kind(@Nullable JsonNode node) {
      if (node == null || node.isMissingNode()) {
        return "nothing";
      }
      if (node.isTextual()) {
        return "a string";
      }
      if (node.isNumber()) {
        return "a number (" + node.asText() + ")";
      }
      return switch (node.getNodeType()) {
        case ARRAY -> "an array";
        case OBJECT -> "an object";
        case BOOLEAN -> "a boolean";
        case NULL -> "null";
        default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
      };
    }
  }
}
