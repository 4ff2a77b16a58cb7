package dev.entente.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The entry point: reads a result document and writes its rendered report into a directory.
 *
 * <p>{@link #render(Path, Path)} writes {@value #HTML_FILE} (self-contained: inline CSS and SVG),
 * {@value #MARKDOWN_FILE}, and one SVG file per chart under {@value
 * MarkdownReportRenderer#CHART_FOLDER}/ for the Markdown to show. Chart files from an earlier
 * render that this document no longer has are removed, so the directory always matches the
 * document. Rendering the same document twice gives byte-identical files. Stateless and
 * thread-safe, but two renders into the same directory at once are not.
 */
public final class Reports {
  /** The HTML page's file name. */
  public static final String HTML_FILE = "index.html";

  /** The Markdown file's name. */
  public static final String MARKDOWN_FILE = "report.md";

  private Reports() {}

  /**
   * Reads {@code resultsJson}, validates it, and writes the report into {@code outDir} (created if
   * absent).
   *
   * @return the files written, in the order written
   * @throws IOException if reading or writing fails
   * @throws InvalidReportException if the document is not valid; nothing is written then
   */
  public static List<Path> render(Path resultsJson, Path outDir) throws IOException {
    return write(new ReportReader().read(resultsJson), outDir);
  }

  /**
   * Writes the report of an already validated {@code document} into {@code outDir}.
   *
   * @return the files written, in the order written
   * @throws IOException if writing fails
   */
  public static List<Path> write(ReportDocument document, Path outDir) throws IOException {
    ChartRenderer charts = new ChartRenderer();
    // Render everything before touching the directory, so a failure leaves it as it was.
    String html = new HtmlReportRenderer(charts).render(document);
    String markdown = new MarkdownReportRenderer().render(document);
    List<String> chartPaths = new ArrayList<>();
    List<String> chartFiles = new ArrayList<>();
    List<String> anchors = document.sectionAnchors();
    for (int i = 0; i < document.sections().size(); i++) {
      List<ReportDocument.Chart> sectionCharts = document.sections().get(i).charts();
      for (int k = 0; k < sectionCharts.size(); k++) {
        chartPaths.add(MarkdownReportRenderer.chartPath(anchors.get(i), k));
        String id = HtmlReportRenderer.chartId(anchors.get(i), k);
        chartFiles.add(charts.renderFile(sectionCharts.get(k), id));
      }
    }
    Files.createDirectories(outDir);
    List<Path> written = new ArrayList<>();
    written.add(writeFile(outDir.resolve(HTML_FILE), html));
    written.add(writeFile(outDir.resolve(MARKDOWN_FILE), markdown));
    Path chartDir = outDir.resolve(MarkdownReportRenderer.CHART_FOLDER);
    if (!chartPaths.isEmpty()) {
      Files.createDirectories(chartDir);
    }
    for (int i = 0; i < chartPaths.size(); i++) {
      written.add(writeFile(outDir.resolve(chartPaths.get(i)), chartFiles.get(i)));
    }
    removeStaleCharts(chartDir, written);
    return List.copyOf(written);
  }

  private static Path writeFile(Path file, String content) throws IOException {
    return Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  /** Deletes {@code *.svg} files in the chart folder that this render did not write. */
  private static void removeStaleCharts(Path chartDir, List<Path> written) throws IOException {
    if (!Files.isDirectory(chartDir)) {
      return;
    }
    Set<Path> keep = new TreeSet<>();
    for (Path path : written) {
      keep.add(path.toAbsolutePath().normalize());
    }
    List<Path> stale = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(chartDir, "*.svg")) {
      for (Path file : files) {
        if (!keep.contains(file.toAbsolutePath().normalize())) {
          stale.add(file);
        }
      }
    }
    for (Path file : stale) {
      Files.delete(file);
    }
  }
}
