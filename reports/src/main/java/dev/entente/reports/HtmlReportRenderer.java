package dev.entente.reports;

import dev.entente.reports.ReportDocument.Cell;
import dev.entente.reports.ReportDocument.Chart;
import dev.entente.reports.ReportDocument.EmptyCell;
import dev.entente.reports.ReportDocument.NumberCell;
import dev.entente.reports.ReportDocument.Section;
import dev.entente.reports.ReportDocument.Table;
import java.util.List;

/**
 * Renders a {@link ReportDocument} as one self-contained HTML page ({@code index.html}).
 *
 * <p>The page carries everything inline: CSS in a {@code <style>} element and charts as inline SVG.
 * It has no scripts and loads nothing: its Content-Security-Policy forbids every fetch, so a stray
 * external reference shows as an error in the browser instead of a silent network call. At the top:
 * the title, the exact command, and the machine (JDK, cores, OS, commit). Then one {@code
 * <section>} per experiment with its question, setup, tables, charts and findings.
 *
 * <p>Deterministic: the same document gives the same bytes (given the same fonts, see {@link
 * ChartRenderer}). Lines end with {@code \n}. Stateless and thread-safe.
 */
public final class HtmlReportRenderer {
  private static final String CSP =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none';"
          + " form-action 'none'";

  private static final String CSS =
      """
      :root { color-scheme: light; }
      body { margin: 0; background: #fafafa; color: #222;
        font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans",
          "Liberation Sans", Arial, sans-serif; }
      .page { max-width: 62rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; background: #fff; }
      h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 1rem; }
      h2 { font-size: 1.5rem; margin: 2.5rem 0 0.75rem; padding-top: 1.5rem;
        border-top: 1px solid #ddd; }
      h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
      code { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace;
        font-size: 0.9em; }
      .command { background: #f3f3f3; border: 1px solid #e2e2e2; border-radius: 4px;
        padding: 0.5rem 0.75rem; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
      dl.machine { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem;
        margin: 1rem 0; }
      dl.machine dt { font-weight: 600; color: #555; }
      dl.machine dd { margin: 0; }
      nav ol { padding-left: 1.5rem; }
      .question, .setup { margin: 0.5rem 0; }
      .label { font-weight: 600; }
      .table-wrap { overflow-x: auto; }
      table { border-collapse: collapse; margin: 0.5rem 0; font-variant-numeric: tabular-nums; }
      th, td { border-bottom: 1px solid #e2e2e2; padding: 0.35rem 0.75rem; text-align: left;
        vertical-align: top; }
      thead th { border-bottom: 2px solid #999; background: #f6f6f6; }
      tbody tr:nth-child(even) { background: #fbfbfb; }
      td.num, th.num { text-align: right; white-space: nowrap; }
      td.missing { color: #888; text-align: center; }
      .notes { color: #555; font-size: 0.92rem; margin: 0.25rem 0 1rem; }
      figure.chart { margin: 1rem 0; }
      figure.chart svg { display: block; width: 100%; height: auto;
        border: 1px solid #eee; }
      .findings { background: #f5f9ff; border-left: 4px solid #0072b2;
        padding: 0.5rem 1rem; margin: 0.5rem 0; }
      footer { margin-top: 3rem; color: #777; font-size: 0.85rem; }
      """;

  private final ChartRenderer charts;

  /**
   * Creates a renderer drawing charts with {@code charts}.
   *
   * @param charts the chart renderer
   */
  public HtmlReportRenderer(ChartRenderer charts) {
    this.charts = charts;
  }

  /**
   * Renders the page.
   *
   * @param document the report
   * @return the whole HTML document, ending with a newline
   */
  public String render(ReportDocument document) {
    StringBuilder out = new StringBuilder(64 * 1024);
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(CSP)
        .append("\">\n");
    out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.append("<title>").append(Escape.html(document.title())).append("</title>\n");
    out.append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<div class=\"page\">\n");
    header(out, document);
    List<String> anchors = document.sectionAnchors();
    contents(out, document, anchors);
    out.append("<main>\n");
    for (int i = 0; i < document.sections().size(); i++) {
      section(out, document.sections().get(i), anchors.get(i));
    }
    out.append("</main>\n<footer>Rendered by entente-reports from a schema version ")
        .append(document.schemaVersion())
        .append(" result document. Every number above comes from that document.</footer>\n");
    out.append("</div>\n</body>\n</html>\n");
    return out.toString();
  }

  /** The id of the {@code k}-th (0-based) chart's SVG element in a section with this anchor. */
  static String chartId(String sectionAnchor, int k) {
    return "chart-" + sectionAnchor + "-" + (k + 1);
  }

  private static void header(StringBuilder out, ReportDocument document) {
    out.append("<header>\n<h1>").append(Escape.html(document.title())).append("</h1>\n");
    out.append("<p class=\"label\">Command</p>\n<pre class=\"command\"><code>")
        .append(Escape.html(document.command()))
        .append("</code></pre>\n");
    out.append("<dl class=\"machine\">\n");
    for (String[] entry : ReportFacts.of(document)) {
      out.append("<dt>")
          .append(Escape.html(entry[0]))
          .append("</dt><dd>")
          .append(Escape.html(entry[1]))
          .append("</dd>\n");
    }
    out.append("</dl>\n");
    if (document.summary() != null) {
      paragraphs(out, document.summary(), "summary");
    }
    out.append("</header>\n");
  }

  private static void contents(StringBuilder out, ReportDocument document, List<String> anchors) {
    if (document.sections().isEmpty()) {
      out.append("<p>This document has no sections.</p>\n");
      return;
    }
    out.append("<nav aria-label=\"Contents\">\n<ol>\n");
    for (int i = 0; i < document.sections().size(); i++) {
      out.append("<li><a href=\"#")
          .append(anchors.get(i))
          .append("\">")
          .append(Escape.html(document.sections().get(i).title()))
          .append("</a></li>\n");
    }
    out.append("</ol>\n</nav>\n");
  }

  private void section(StringBuilder out, Section section, String anchor) {
    out.append("<section id=\"").append(anchor).append("\">\n");
    out.append("<h2>").append(Escape.html(section.title())).append("</h2>\n");
    out.append("<p class=\"question\"><span class=\"label\">Question.</span> ")
        .append(Escape.html(section.question()))
        .append("</p>\n");
    out.append("<p class=\"setup\"><span class=\"label\">Setup.</span> ")
        .append(Escape.html(section.setup()))
        .append("</p>\n");
    for (Table table : section.tables()) {
      table(out, table);
    }
    for (int k = 0; k < section.charts().size(); k++) {
      chart(out, section.charts().get(k), chartId(anchor, k));
    }
    out.append("<h3>Findings</h3>\n");
    paragraphs(out, section.findings(), "findings");
    out.append("</section>\n");
  }

  private static void table(StringBuilder out, Table table) {
    out.append("<h3>").append(Escape.html(table.title())).append("</h3>\n");
    out.append("<div class=\"table-wrap\">\n<table>\n<thead>\n<tr>");
    boolean[] numeric = numericColumns(table);
    for (int c = 0; c < table.columns().size(); c++) {
      out.append(numeric[c] ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
          .append(Escape.html(table.columns().get(c)))
          .append("</th>");
    }
    out.append("</tr>\n</thead>\n<tbody>\n");
    for (List<Cell> row : table.rows()) {
      out.append("<tr>");
      for (Cell cell : row) {
        out.append(cellOpenTag(cell)).append(Escape.html(cell.text())).append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n</div>\n");
    if (table.notes() != null) {
      out.append("<p class=\"notes\">").append(Escape.html(table.notes())).append("</p>\n");
    }
  }

  private static String cellOpenTag(Cell cell) {
    if (cell instanceof NumberCell) {
      return "<td class=\"num\">";
    }
    if (cell instanceof EmptyCell) {
      return "<td class=\"missing\" title=\"no value\">";
    }
    return "<td>";
  }

  /** A column is numeric when it has a number and every other cell is a number or missing. */
  static boolean[] numericColumns(Table table) {
    boolean[] numeric = new boolean[table.columns().size()];
    for (int c = 0; c < numeric.length; c++) {
      boolean anyNumber = false;
      boolean onlyNumbers = true;
      for (List<Cell> row : table.rows()) {
        Cell cell = row.get(c);
        anyNumber |= cell instanceof NumberCell;
        onlyNumbers &= !(cell instanceof ReportDocument.TextCell);
      }
      numeric[c] = anyNumber && onlyNumbers;
    }
    return numeric;
  }

  private void chart(StringBuilder out, Chart chart, String id) {
    out.append("<figure class=\"chart\" role=\"img\" aria-label=\"")
        .append(Escape.html(chart.title()))
        .append("\">\n")
        .append(charts.render(chart, id))
        .append("\n</figure>\n");
  }

  private static void paragraphs(StringBuilder out, String text, String cssClass) {
    out.append("<div class=\"").append(cssClass).append("\">\n");
    for (String paragraph : ReportFacts.paragraphs(text)) {
      out.append("<p>").append(Escape.html(paragraph)).append("</p>\n");
    }
    out.append("</div>\n");
  }
}
