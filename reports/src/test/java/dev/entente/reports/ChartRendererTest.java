package dev.entente.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.reports.ReportDocument.Chart;
import dev.entente.reports.ReportDocument.ChartKind;
import dev.entente.reports.ReportDocument.Series;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartRendererTest {
  private final ChartRenderer renderer = new ChartRenderer();

  @Test
  void render_barChart_hasFixedSizeAxesLabelsAndLegend() {
    Chart chart =
        new Chart(
            "Bytes <per> change & more",
            ChartKind.BAR,
            "variant",
            "bytes",
            List.of("op push", "state gossip"),
            List.of(
                new Series("no loss", List.of(96.5, 2048.0)),
                new Series("10% loss", List.of(120.75, 2310.0))));

    String svg = renderer.render(chart, "chart-x-1");

    assertThat(svg)
        .startsWith("<svg id='chart-x-1' xmlns='http://www.w3.org/2000/svg'")
        .contains("width='800px' height='400px' viewBox='0 0 800 400'")
        .contains(">Bytes &lt;per&gt; change &amp; more</text>")
        .contains(">variant</text>", ">bytes</text>", ">op push</text>", ">state gossip</text>")
        .contains(">no loss</text>", ">10% loss</text>")
        .contains("font-family: sans-serif")
        .contains("fill:rgb(0,114,178)", "fill:rgb(230,159,0)")
        .endsWith("</svg>");
    assertThat(svg).doesNotContainPattern("id='_\\d+");
  }

  @Test
  void render_lineChart_withMissingValue_drawsTheRest() {
    Chart chart =
        new Chart(
            "Ticks",
            ChartKind.LINE,
            null,
            null,
            List.of("p50", "p90", "max"),
            List.of(new Series("gossip", Arrays.asList(9.0, null, 40.0))));

    String svg = renderer.render(chart, "line");

    assertThat(svg).contains(">Ticks</text>", ">p50</text>", ">max</text>");
    // A single series needs no legend: its name is not drawn.
    assertThat(svg).doesNotContain(">gossip</text>");
  }

  @Test
  void render_sameChartTwice_isByteIdentical_andIdsFollowTheElementId() {
    Chart chart =
        new Chart(
            "T", ChartKind.BAR, "x", "y", List.of("a"), List.of(new Series("s", List.of(1.0))));

    assertThat(renderer.render(chart, "one")).isEqualTo(renderer.render(chart, "one"));
    assertThat(renderer.render(chart, "two")).contains("url(#two-clip-").doesNotContain("one");
  }

  @Test
  void render_integralValues_tickInWholeNumbers_withoutGrouping() {
    Chart chart =
        new Chart(
            "T",
            ChartKind.BAR,
            null,
            null,
            List.of("a", "b"),
            List.of(new Series("s", List.of(1.0, 3.0))));

    assertThat(renderer.render(chart, "ints")).doesNotContain(">0.5</text>").contains(">3</text>");
    Chart big =
        new Chart(
            "T",
            ChartKind.BAR,
            null,
            null,
            List.of("a"),
            List.of(new Series("s", List.of(5000.0))));
    assertThat(renderer.render(big, "big")).contains(">5000</text>").doesNotContain(">5,000<");
  }

  @Test
  void render_badElementId_isRejected() {
    Chart chart =
        new Chart(
            "T", ChartKind.BAR, null, null, List.of("a"), List.of(new Series("s", List.of(1.0))));
    assertThatThrownBy(() -> renderer.render(chart, "a'b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a'b");
  }
}
