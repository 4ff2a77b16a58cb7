package dev.entente.reports;

import dev.entente.reports.ReportDocument.Box;
import dev.entente.reports.ReportDocument.Chart;
import dev.entente.reports.ReportDocument.ChartKind;
import dev.entente.reports.ReportDocument.Series;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.AbstractCategoryItemRenderer;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;
import org.jfree.svg.ViewBox;

/**
 * Draws a {@link Chart} with JFreeChart into an SVG element string (JFreeSVG), for inlining in HTML
 * or writing as a file.
 *
 * <p>The output is deterministic: a fixed width ({@link #WIDTH} px; {@link #HEIGHT} px high, or
 * taller for bar charts with many categories, which are drawn sideways), scalable through its
 * {@code viewBox}, the logical font {@code SansSerif}, a fixed colour-blind-safe palette (Okabe and
 * Ito), coordinates rounded to two decimals, tick labels formatted in {@link Locale#ROOT}, and
 * every id derived from the caller's element id instead of JFreeSVG's default time-based prefix.
 * Text is measured with the JDK's fonts, so the same machine gives the same bytes; another
 * machine's fonts may move text by a pixel.
 *
 * <p>Runs headless: loading this class sets {@code java.awt.headless=true} before any AWT class is
 * touched. Stateless and thread-safe; each call builds its own chart.
 */
public final class ChartRenderer {
  /** Width of every chart, in px. */
  public static final int WIDTH = 800;

  /** Height of every chart, in px. */
  public static final int HEIGHT = 400;

  private static final String FONT_FAMILY = "SansSerif";

  /** Okabe and Ito's palette, which stays distinguishable for colour-blind readers. */
  private static final Color[] PALETTE = {
    new Color(0x0072B2),
    new Color(0xE69F00),
    new Color(0x009E73),
    new Color(0xCC79A7),
    new Color(0x56B4E9),
    new Color(0xD55E00),
    new Color(0xF0E442),
    new Color(0x000000),
  };

  private static final Color TEXT = new Color(0x222222);
  private static final Color GRID = new Color(0xDDDDDD);

  static {
    // JFreeChart measures text with java.awt; a report renderer never opens a display.
    System.setProperty("java.awt.headless", "true");
    // Otherwise rotated labels (the value axis label) are drawn as glyph outlines, not as SVG
    // text that a reader can select and a screen reader can read. A JVM-wide JFreeChart setting;
    // nothing else in this module draws rotated text differently.
    TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  /** Creates a renderer. */
  public ChartRenderer() {}

  /**
   * Renders {@code chart} as one {@code <svg>} element.
   *
   * @param chart the chart
   * @param elementId the {@code id} of the {@code <svg>} element and the prefix of every id inside
   *     it; unique within the page the SVG goes into, {@code [A-Za-z0-9_-]+}
   * @return the SVG element, with {@code width}, {@code height} and {@code viewBox}
   */
  public String render(Chart chart, String elementId) {
    if (!elementId.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("element id must match [A-Za-z0-9_-]+: " + elementId);
    }
    JFreeChart jfreeChart = build(chart);
    int height = height(chart);
    SVGGraphics2D graphics = new SVGGraphics2D(WIDTH, height, SVGUnits.PX);
    // JFreeSVG's default prefix is time-based; ids must repeat exactly and differ between charts.
    graphics.setDefsKeyPrefix(elementId + "-");
    graphics.setGeomDoubleConverter(ChartRenderer::twoDecimals);
    graphics.setTransformDoubleConverter(ChartRenderer::twoDecimals);
    jfreeChart.draw(graphics, new Rectangle2D.Double(0, 0, WIDTH, height));
    graphics.dispose();
    return graphics.getSVGElement(elementId, true, new ViewBox(0, 0, WIDTH, height), null, null);
  }

  /**
   * Renders {@code chart} as a standalone SVG file's content: an XML declaration, the element, and
   * a final newline.
   */
  public String renderFile(Chart chart, String elementId) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + render(chart, elementId) + "\n";
  }

  private static JFreeChart build(Chart chart) {
    CategoryDataset dataset = chart.kind() == ChartKind.BOX ? boxDataset(chart) : dataset(chart);
    CategoryAxis categoryAxis = new CategoryAxis(chart.xLabel());
    NumberAxis valueAxis = new NumberAxis(chart.yLabel());
    valueAxis.setStandardTickUnits(
        chart.allValuesIntegral()
            ? NumberAxis.createIntegerTickUnits(Locale.ROOT)
            : NumberAxis.createStandardTickUnits(Locale.ROOT));
    valueAxis.setNumberFormatOverride(tickFormat());
    AbstractCategoryItemRenderer renderer = renderer(chart.kind());
    CategoryPlot plot = new CategoryPlot(dataset, categoryAxis, valueAxis, renderer);
    if (chart.kind() == ChartKind.BOX) {
      seedLabels(chart).forEach(plot::addAnnotation);
      // Room above the highest and below the lowest whisker for their seed labels.
      valueAxis.setAutoRangeIncludesZero(false);
      valueAxis.setAutoRangeStickyZero(false);
      valueAxis.setUpperMargin(0.1);
      valueAxis.setLowerMargin(0.1);
    }
    boolean legend = chart.series().size() > 1;
    JFreeChart jfreeChart =
        new JFreeChart(chart.title(), new Font(FONT_FAMILY, Font.BOLD, 16), plot, legend);
    theme().apply(jfreeChart);
    // The theme clears series paints and strokes; set ours after it.
    for (int i = 0; i < chart.series().size(); i++) {
      renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
      if (chart.kind() == ChartKind.LINE) {
        renderer.setSeriesStroke(i, new BasicStroke(2.5f));
      }
    }
    if (horizontal(chart)) {
      // Many or long category names: bars run sideways so every name reads whole on one line.
      plot.setOrientation(PlotOrientation.HORIZONTAL);
      categoryAxis.setMaximumCategoryLabelLines(1);
      categoryAxis.setMaximumCategoryLabelWidthRatio(0.6f);
    } else {
      categoryAxis.setMaximumCategoryLabelLines(2);
    }
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    plot.setOutlineVisible(false);
    jfreeChart.setPadding(new RectangleInsets(8, 8, 8, 16));
    jfreeChart.setAntiAlias(true);
    return jfreeChart;
  }

  /**
   * Bar charts with more than six categories, or with a category name longer than 14 characters,
   * are drawn with horizontal bars: rotated or wrapped labels overlap and get clipped.
   */
  static boolean horizontal(Chart chart) {
    if (chart.kind() != ChartKind.BAR) {
      return false;
    }
    int longest = chart.categories().stream().mapToInt(String::length).max().orElse(0);
    return chart.categories().size() > 6 || longest > 14;
  }

  /** {@link #HEIGHT}, or taller for horizontal bars so that each category gets its own row. */
  static int height(Chart chart) {
    if (!horizontal(chart)) {
      return HEIGHT;
    }
    int rows = chart.categories().size() * (14 + 10 * chart.series().size());
    return Math.max(HEIGHT, 120 + rows);
  }

  private static CategoryDataset dataset(Chart chart) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (Series series : chart.series()) {
      for (int i = 0; i < chart.categories().size(); i++) {
        dataset.addValue(series.values().get(i), series.name(), chart.categories().get(i));
      }
    }
    return dataset;
  }

  /** One box per category and series; the whiskers are the extremes (no outliers drawn). */
  private static CategoryDataset boxDataset(Chart chart) {
    DefaultBoxAndWhiskerCategoryDataset dataset = new DefaultBoxAndWhiskerCategoryDataset();
    for (Series series : chart.series()) {
      for (int i = 0; i < chart.categories().size(); i++) {
        Box b = series.boxes().get(i);
        // A category without runs keeps its place on the axis with an item that draws nothing.
        BoxAndWhiskerItem item =
            b == null
                ? new BoxAndWhiskerItem(null, null, null, null, null, null, null, null, List.of())
                : new BoxAndWhiskerItem(
                    b.median(),
                    b.median(),
                    b.q1(),
                    b.q3(),
                    b.min(),
                    b.max(),
                    b.min(),
                    b.max(),
                    List.of());
        dataset.add(item, series.name(), chart.categories().get(i));
      }
    }
    return dataset;
  }

  /** "seed S" above each box's maximum and below its minimum: the runs to replay. */
  private static List<CategoryTextAnnotation> seedLabels(Chart chart) {
    List<CategoryTextAnnotation> out = new ArrayList<>();
    Font font = new Font(FONT_FAMILY, Font.PLAIN, 10);
    for (Series series : chart.series()) {
      for (int i = 0; i < chart.categories().size(); i++) {
        Box b = series.boxes().get(i);
        if (b == null) {
          continue;
        }
        String category = chart.categories().get(i);
        out.add(
            seedLabel("seed " + b.maxSeed(), category, b.max(), TextAnchor.BOTTOM_CENTER, font));
        if (b.minSeed() != b.maxSeed() || b.min() != b.max()) {
          out.add(seedLabel("seed " + b.minSeed(), category, b.min(), TextAnchor.TOP_CENTER, font));
        }
      }
    }
    return out;
  }

  private static CategoryTextAnnotation seedLabel(
      String text, String category, double value, TextAnchor anchor, Font font) {
    CategoryTextAnnotation a = new CategoryTextAnnotation(text, category, value);
    a.setTextAnchor(anchor);
    a.setFont(font);
    a.setPaint(TEXT);
    return a;
  }

  private static AbstractCategoryItemRenderer renderer(ChartKind kind) {
    return switch (kind) {
      case BAR -> barRenderer();
      case LINE -> new LineAndShapeRenderer(true, true);
      case BOX -> boxRenderer();
    };
  }

  private static BoxAndWhiskerRenderer boxRenderer() {
    BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
    renderer.setMeanVisible(false);
    renderer.setMaximumBarWidth(0.12);
    renderer.setFillBox(true);
    return renderer;
  }

  private static BarRenderer barRenderer() {
    BarRenderer renderer = new BarRenderer();
    renderer.setItemMargin(0.05);
    renderer.setMaximumBarWidth(0.12);
    renderer.setDrawBarOutline(false);
    return renderer;
  }

  private static StandardChartTheme theme() {
    StandardChartTheme theme = new StandardChartTheme("entente", false);
    theme.setExtraLargeFont(new Font(FONT_FAMILY, Font.BOLD, 16));
    theme.setLargeFont(new Font(FONT_FAMILY, Font.BOLD, 13));
    theme.setRegularFont(new Font(FONT_FAMILY, Font.PLAIN, 12));
    theme.setSmallFont(new Font(FONT_FAMILY, Font.PLAIN, 11));
    theme.setTitlePaint(TEXT);
    theme.setAxisLabelPaint(TEXT);
    theme.setTickLabelPaint(TEXT);
    theme.setLegendItemPaint(TEXT);
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setLegendBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setPlotOutlinePaint(GRID);
    theme.setRangeGridlinePaint(GRID);
    theme.setDomainGridlinePaint(GRID);
    theme.setBarPainter(new StandardBarPainter());
    theme.setShadowVisible(false);
    return theme;
  }

  /** Tick labels read like table cells: no grouping, at most three decimals, half up. */
  private static DecimalFormat tickFormat() {
    DecimalFormat format =
        new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format;
  }

  private static String twoDecimals(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalStateException("JFreeChart drew a non-finite coordinate: " + value);
    }
    return BigDecimal.valueOf(value)
        .setScale(2, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }
}
