package dev.entente.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entente.reports.ReportDocument.ChartKind;
import dev.entente.reports.ReportDocument.EmptyCell;
import dev.entente.reports.ReportDocument.NumberCell;
import dev.entente.reports.ReportDocument.TextCell;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Reading the sample, and one error message per kind of schema violation, each with its path. */
class ReportReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ReportReader reader = new ReportReader();

  @Test
  void sample_readsEveryField() throws Exception {
    ReportDocument document = SampleDocument.read();

    assertThat(document.schemaVersion()).isEqualTo(1);
    assertThat(document.machine().cores()).isEqualTo(2);
    assertThat(document.machine().dirty()).isTrue();
    assertThat(document.seeds().count()).isEqualTo(20);
    assertThat(document.sections()).hasSize(2);
    assertThat(document.sectionAnchors()).containsExactly("clocks", "anti-entropy");
    assertThat(document.tableCount()).isEqualTo(2);
    assertThat(document.chartCount()).isEqualTo(3);
    var row = document.sections().get(0).tables().get(0).rows().get(0);
    assertThat(row)
        .containsExactly(
            new TextCell("wall"),
            new NumberCell(new BigDecimal("20")),
            new NumberCell(new BigDecimal("37")),
            new EmptyCell(),
            new TextCell("x | y"));
    var chart = document.sections().get(1).charts().get(0);
    assertThat(chart.kind()).isEqualTo(ChartKind.LINE);
    assertThat(chart.series().get(1).values()).containsExactly(9.0, 21.0, 40.0, null);
    assertThat(document.sections().get(1).charts().get(1).xLabel()).isNull();
  }

  @Test
  void minimalDocument_optionalFieldsAbsent_isValid() {
    ObjectNode root = minimal();
    ReportDocument document = reader.read(root.toString(), "min.json");

    assertThat(document.mode()).isNull();
    assertThat(document.seeds()).isNull();
    assertThat(document.machine().os()).isNull();
    assertThat(document.sections().get(0).tables()).isEmpty();
    assertThat(document.sections().get(0).charts()).isEmpty();
  }

  @Test
  void missingRequiredField_isNamedWithItsPath() {
    assertProblems(
        root -> section(root).remove("question"),
        "sections[0].question: missing (a string is required)");
    assertProblems(root -> root.remove("command"), "command: missing (a string is required)");
    assertProblems(
        root -> ((ObjectNode) root.get("machine")).remove("cores"),
        "machine.cores: missing (an integer is required)");
  }

  @Test
  void wrongTypes_areNamedWithPathAndWhatWasFound() {
    assertProblems(root -> root.put("title", 5), "title: expected a string, found a number (5)");
    assertProblems(
        root -> ((ObjectNode) root.get("machine")).put("cores", 0),
        "machine.cores: must be at least 1, found 0");
    assertProblems(
        root -> ((ObjectNode) root.get("machine")).put("dirty", "yes"),
        "machine.dirty: expected true or false, found a string");
    assertProblems(
        root -> root.put("sections", "none"), "sections: expected an array, found a string");
  }

  @Test
  void badTableCells_areNamedByRowAndColumn() {
    assertProblems(
        root -> ((ArrayNode) table(root).get("rows")).add(JSON.createArrayNode().add("only one")),
        "sections[0].tables[0].rows[1]: has 1 cells, the table has 2 columns");
    assertProblems(
        root -> ((ArrayNode) table(root).get("rows").get(0)).set(1, JSON.valueToTree(true)),
        "sections[0].tables[0].rows[0][1]: expected a string, number or null, found a boolean");
  }

  @Test
  void badCharts_areNamedWithTheirPath() {
    assertProblems(
        root -> chart(root).put("kind", "pie"),
        "sections[0].charts[0].kind: expected \"bar\", \"line\" or \"box\", found \"pie\"");
    assertProblems(
        root -> ((ArrayNode) chart(root).get("series").get(0).get("values")).add(3),
        "sections[0].charts[0].series[0].values: has 3 values for 2 categories");
    assertProblems(
        root -> ((ArrayNode) chart(root).get("categories")).set(1, JSON.valueToTree("a")),
        "sections[0].charts[0].categories: has a duplicate category");
  }

  @Test
  void unsupportedSchemaVersion_isTheOnlyProblemReported() {
    assertProblems(
        root -> {
          root.put("schemaVersion", 2);
          root.remove("title");
        },
        "schemaVersion: unsupported version 2 (this renderer reads 1)");
  }

  @Test
  void duplicateSectionIds_areRejected() {
    assertProblems(
        root -> ((ArrayNode) root.get("sections")).add(section(root).deepCopy()),
        "sections[1].id: duplicate section id \"s\"");
  }

  @Test
  void everyProblem_isReportedAtOnce_inDocumentOrder() {
    ObjectNode root = minimal();
    root.remove("title");
    section(root).remove("findings");
    assertThatThrownBy(() -> reader.read(root.toString(), "results.json"))
        .isInstanceOfSatisfying(
            InvalidReportException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "title: missing (a string is required)",
                        "sections[0].findings: missing (a string is required)"))
        .hasMessageStartingWith("results.json is not a valid report document (2 problems):");
  }

  @Test
  void notJson_duplicateKeys_orTrailingContent_areRejectedWithAPosition() {
    assertThatThrownBy(() -> reader.read("{\"title\": ", "x.json"))
        .isInstanceOf(InvalidReportException.class)
        .hasMessageContaining("$: not valid JSON at line 1");
    assertThatThrownBy(() -> reader.read("{\"a\": 1, \"a\": 2}", "x.json"))
        .hasMessageContaining("Duplicate field 'a'");
    assertThatThrownBy(() -> reader.read(minimal() + " []", "x.json"))
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void unknownFields_areIgnored() throws Exception {
    ObjectNode root = minimal();
    root.put("futureField", "x");
    section(root).putObject("extra").put("y", 1);
    assertThat(reader.read(root.toString(), "x.json").title()).isEqualTo("t");
    assertThat(Files.readString(SampleDocument.path())).contains("unknownTopLevelField");
  }

  private void assertProblems(Consumer<ObjectNode> edit, String expected) {
    ObjectNode root = minimal();
    section(root).putArray("tables").add(tableNode());
    section(root).putArray("charts").add(chartNode());
    reader.read(root.toString(), "ok.json"); // the unedited document is valid
    edit.accept(root);
    assertThatThrownBy(() -> reader.read(root.toString(), "results.json"))
        .isInstanceOfSatisfying(
            InvalidReportException.class, e -> assertThat(e.problems()).containsExactly(expected))
        .hasMessageContaining(expected);
  }

  private static ObjectNode minimal() {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", 1);
    root.put("title", "t");
    root.put("command", "./entente run");
    root.putObject("machine").put("jdk", "17").put("cores", 2).put("commit", "abc");
    ObjectNode section = root.putArray("sections").addObject();
    section.put("id", "s").put("title", "S").put("question", "Q?").put("setup", "setup");
    section.put("findings", "f");
    return root;
  }

  private static ObjectNode tableNode() {
    ObjectNode table = JSON.createObjectNode();
    table.put("title", "T");
    table.putArray("columns").add("name").add("count");
    table.putArray("rows").addArray().add("a").add(1);
    return table;
  }

  private static ObjectNode chartNode() {
    ObjectNode chart = JSON.createObjectNode();
    chart.put("title", "C").put("kind", "bar");
    chart.putArray("categories").add("a").add("b");
    chart.putArray("series").addObject().put("name", "n").putArray("values").add(1).addNull();
    return chart;
  }

  private static ObjectNode section(ObjectNode root) {
    return (ObjectNode) root.get("sections").get(0);
  }

  private static ObjectNode table(ObjectNode root) {
    return (ObjectNode) section(root).get("tables").get(0);
  }

  private static ObjectNode chart(ObjectNode root) {
    return (ObjectNode) section(root).get("charts").get(0);
  }
}
