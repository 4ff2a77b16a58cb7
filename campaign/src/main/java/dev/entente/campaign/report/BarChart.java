package dev.entente.campaign.report;

import dev.entente.reports.ReportDocument.Chart;
import dev.entente.reports.ReportDocument.ChartKind;
import dev.entente.reports.ReportDocument.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Builds a grouped bar chart of the shared schema from typed rows: one category per row, one series
 * per {@link #series} call, each value a function of the row (null where missing). Not thread-safe;
 * the built chart is immutable.
 *
 * @param <R> the row type
 */
public final class BarChart<R> {
  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<String> names = new ArrayList<>();
  private final List<Function<R, Double>> values = new ArrayList<>();

  private BarChart(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  /** A bar chart with its axis labels and no series yet. */
  public static <R> BarChart<R> titled(String title, String xLabel, String yLabel) {
    return new BarChart<>(title, xLabel, yLabel);
  }

  /** Adds a series named {@code name}. */
  public BarChart<R> series(String name, Function<R, Double> value) {
    names.add(name);
    values.add(value);
    return this;
  }

  /** The chart over {@code rows}, category {@code category(row)} per row. */
  public Chart build(List<R> rows, Function<R, String> category) {
    List<String> cats = new ArrayList<>();
    rows.forEach(r -> cats.add(category.apply(r)));
    List<Series> series = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      List<Double> vs = new ArrayList<>();
      for (R r : rows) {
        vs.add(values.get(i).apply(r));
      }
      series.add(new Series(names.get(i), vs));
    }
    return new Chart(title, ChartKind.BAR, xLabel, yLabel, cats, series);
  }
}
