package dev.entente.campaign.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.reports.ReportDocument.Box;
import dev.entente.reports.ReportDocument.Chart;
import dev.entente.reports.ReportDocument.ChartKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Box plots of per-run values: exact quartiles and the seeds of the extreme runs. */
class BoxChartTest {
  @Test
  void box_fiveRuns_nearestRankQuartilesAndExtremeSeeds() {
    List<BoxChart.Point> points = List.of(p(1, 40), p(2, 7), p(3, 95), p(4, 12), p(5, 30));

    Box b = BoxChart.box(points);

    assertThat(b).isEqualTo(new Box(7, 12, 30, 40, 95, 2, 3, 5));
  }

  @Test
  void box_tiedExtremes_pickTheLowestSeed() {
    Box b = BoxChart.box(List.of(p(9, 5), p(4, 5), p(6, 1), p(2, 1)));

    assertThat(b.minSeed()).isEqualTo(2);
    assertThat(b.maxSeed()).isEqualTo(4);
  }

  @Test
  void of_categoryWithoutRuns_hasAMissingBox() {
    Map<String, List<BoxChart.Point>> by = new LinkedHashMap<>();
    by.put("wall", List.of(p(1, 3), p(2, 5)));
    by.put("lamport", List.of());

    Chart c = BoxChart.of("t", "clock", "n", "lost", by);

    assertThat(c.kind()).isEqualTo(ChartKind.BOX);
    assertThat(c.categories()).containsExactly("wall", "lamport");
    assertThat(c.series().get(0).boxes().get(1)).isNull();
    assertThat(c.series().get(0).values()).containsExactly(3.0, null);
  }

  private static BoxChart.Point p(long seed, double value) {
    return new BoxChart.Point(seed, value);
  }
}
