package dev.entente.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.reports.ReportDocument.Box;
import dev.entente.reports.ReportDocument.Chart;
import dev.entente.reports.ReportDocument.ChartKind;
import dev.entente.reports.ReportDocument.Machine;
import dev.entente.reports.ReportDocument.Section;
import dev.entente.reports.ReportDocument.Series;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Box plots of per-run values: the schema, the reader, the writer and the renderer. */
class BoxChartTest {
  static final Chart BOXES =
      new Chart(
          "Lost writes per run",
          ChartKind.BOX,
          "clock",
          "shown values",
          List.of("wall", "lamport", "hlc"),
          List.of(
              new Series(
                  "lost writes",
                  Arrays.asList(30.0, null, 0.0),
                  Arrays.asList(
                      new Box(2, 10, 30, 41.5, 95, 7, 3, 8),
                      null,
                      new Box(0, 0, 0, 0, 0, 1, 1, 8)))));

  @Test
  void render_boxChart_labelsTheExtremeRunsWithTheirSeeds() {
    String svg = new ChartRenderer().render(BOXES, "box-1");

    assertThat(svg)
        .contains(">Lost writes per run</text>", ">wall</text>", ">hlc</text>")
        .contains(">seed 3</text>", ">seed 7</text>", ">seed 1</text>")
        .endsWith("</svg>");
    assertThat(new ChartRenderer().render(BOXES, "box-1")).isEqualTo(svg);
  }

  @Test
  void writeThenRead_boxChart_roundTripsEqual() {
    ReportDocument d = document(BOXES);

    String json = ReportWriter.write(d);

    assertThat(json).contains("\"boxes\"", "\"minSeed\" : 7", "\"maxSeed\" : 3");
    assertThat(new ReportReader().read(json, "boxes")).isEqualTo(d);
  }

  @Test
  void read_boxChartWithoutBoxes_namesTheField() {
    String json = ReportWriter.write(document(BOXES)).replaceFirst("\"boxes\"", "\"boxez\"");

    assertThatThrownBy(() -> new ReportReader().read(json, "bad"))
        .isInstanceOf(InvalidReportException.class)
        .hasMessageContaining("sections[0].charts[0].series[0].boxes");
  }

  @Test
  void box_unorderedQuartiles_isRejected() {
    assertThatThrownBy(() -> new Box(5, 4, 6, 7, 8, 1, 2, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("min <= q1");
  }

  static ReportDocument document(Chart chart) {
    return new ReportDocument(
        ReportDocument.SCHEMA_VERSION,
        "t",
        "c",
        new Machine("17", 2, null, "abc", null),
        null,
        null,
        null,
        List.of(new Section("s", "S", "q?", "setup", List.of(), List.of(chart), "f")));
  }
}
