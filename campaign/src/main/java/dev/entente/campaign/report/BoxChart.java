package dev.entente.campaign.report;

import dev.entente.reports.ReportDocument.Box;
import dev.entente.reports.ReportDocument.Chart;
import dev.entente.reports.ReportDocument.ChartKind;
import dev.entente.reports.ReportDocument.Series;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds a box-plot chart of the shared schema: the distribution over runs of one per-run value,
 * one box per category, each with the seeds of its minimum and maximum runs (so the chart says
 * which runs to replay). Quartiles are exact, by nearest rank like {@link Stats#percentile}.
 * Stateless.
 */
public final class BoxChart {
  private BoxChart() {}

  /**
   * One run's value.
   *
   * @param seed the run's seed
   * @param value the per-run value
   */
  public record Point(long seed, double value) {}

  /**
   * The chart: one series named {@code series}, a box per entry of {@code byCategory} (in its
   * order; an empty list gives a missing box).
   */
  public static Chart of(
      String title,
      String xLabel,
      String yLabel,
      String series,
      Map<String, List<Point>> byCategory) {
    List<String> categories = new ArrayList<>();
    List<Double> medians = new ArrayList<>();
    List<Box> boxes = new ArrayList<>();
    for (Map.Entry<String, List<Point>> e : byCategory.entrySet()) {
      Box b = box(e.getValue());
      categories.add(e.getKey());
      boxes.add(b);
      medians.add(b == null ? null : b.median());
    }
    return new Chart(
        title,
        ChartKind.BOX,
        xLabel,
        yLabel,
        categories,
        List.of(new Series(series, medians, boxes)));
  }

  /** The box of {@code points}, or null if there are none. */
  public static @Nullable Box box(List<Point> points) {
    if (points.isEmpty()) {
      return null;
    }
    List<Point> sorted = new ArrayList<>(points);
    // By value, then seed: the extremes are the lowest seeds with the extreme values.
    sorted.sort(Comparator.comparingDouble(Point::value).thenComparingLong(Point::seed));
    Point min = sorted.get(0);
    Point max = sorted.get(sorted.size() - 1);
    for (Point p : sorted) {
      if (p.value() == max.value()) {
        max = p;
        break;
      }
    }
    return new Box(
        min.value(),
        rank(sorted, 25),
        rank(sorted, 50),
        rank(sorted, 75),
        max.value(),
        min.seed(),
        max.seed(),
        sorted.size());
  }

  private static double rank(List<Point> sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))).value();
  }
}
