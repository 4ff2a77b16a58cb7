package dev.entente.reports;

import dev.entente.reports.ReportDocument.Cell;
import dev.entente.reports.ReportDocument.Chart;
import dev.entente.reports.ReportDocument.Section;
import dev.entente.reports.ReportDocument.Table;
import java.util.List;

/**
 * Renders a {@link ReportDocument} as GitHub-flavoured Markdown ({@code report.md}) with the same
 * header, sections and tables as the HTML page.
 *
 * <p>Charts are images referencing SVG files beside the Markdown, at {@link #chartPath}; {@link
 * Reports} writes them, so the directory stays self-contained. Text is escaped so that nothing in
 * the data reads as Markdown syntax (a {@code |} in a cell stays in its cell). Numbers are
 * right-aligned in columns that hold only numbers and missing values. Deterministic; lines end with
 * {@code \n}. Stateless and thread-safe.
 */
public final class MarkdownReportRenderer {
  /** The folder, beside {@code report.md}, that holds the chart files. */
  public static final String CHART_FOLDER = "charts";

  /** Creates a renderer. */
  public MarkdownReportRenderer() {}

  /**
   * The relative path of a chart's SVG file from {@code report.md}.
   *
   * @param sectionAnchor the section's anchor ({@link ReportDocument#sectionAnchors()})
   * @param k the chart's 0-based position in its section
   */
  public static String chartPath(String sectionAnchor, int k) {
    return CHART_FOLDER + "/" + HtmlReportRenderer.chartId(sectionAnchor, k) + ".svg";
  }

  /**
   * Renders the Markdown.
   *
   * @param document the report
   * @return the whole Markdown document, ending with a newline
   */
  public String render(ReportDocument document) {
    StringBuilder out = new StringBuilder(16 * 1024);
    out.append("# ").append(Escape.markdown(document.title())).append("\n\n");
    out.append("Command: ").append(Escape.markdownCode(document.command())).append("\n\n");
    for (String[] fact : ReportFacts.of(document)) {
      out.append("- **").append(fact[0]).append(":** ").append(Escape.markdown(fact[1]));
      out.append('\n');
    }
    out.append('\n');
    if (document.summary() != null) {
      paragraphs(out, document.summary());
    }
    List<String> anchors = document.sectionAnchors();
    for (int i = 0; i < document.sections().size(); i++) {
      section(out, document.sections().get(i), anchors.get(i));
    }
    out.append("---\n\nRendered by entente-reports from a schema version ")
        .append(document.schemaVersion())
        .append(" result document. Every number above comes from that document.\n");
    return out.toString();
  }

  private static void section(StringBuilder out, Section section, String anchor) {
    out.append("## ").append(Escape.markdown(section.title())).append("\n\n");
    out.append("**Question.** ").append(Escape.markdown(section.question())).append("\n\n");
    out.append("**Setup.** ").append(Escape.markdown(section.setup())).append("\n\n");
    for (Table table : section.tables()) {
      table(out, table);
    }
    for (int k = 0; k < section.charts().size(); k++) {
      Chart chart = section.charts().get(k);
      out.append("![")
          .append(Escape.markdown(chart.title()))
          .append("](")
          .append(chartPath(anchor, k))
          .append(")\n\n");
    }
    out.append("### Findings\n\n");
    paragraphs(out, section.findings());
  }

  private static void table(StringBuilder out, Table table) {
    out.append("### ").append(Escape.markdown(table.title())).append("\n\n");
    boolean[] numeric = HtmlReportRenderer.numericColumns(table);
    out.append('|');
    for (String column : table.columns()) {
      out.append(' ').append(Escape.markdown(column)).append(" |");
    }
    out.append("\n|");
    for (boolean isNumeric : numeric) {
      out.append(isNumeric ? " ---: |" : " --- |");
    }
    out.append('\n');
    for (List<Cell> row : table.rows()) {
      out.append('|');
      for (Cell cell : row) {
        out.append(' ').append(Escape.markdown(cell.text())).append(" |");
      }
      out.append('\n');
    }
    out.append('\n');
    if (table.notes() != null) {
      out.append('*').append(Escape.markdown(table.notes())).append("*\n\n");
    }
  }

  private static void paragraphs(StringBuilder out, String text) {
    for (String paragraph : ReportFacts.paragraphs(text)) {
      out.append(Escape.markdownParagraph(paragraph)).append("\n\n");
    }
  }
}
