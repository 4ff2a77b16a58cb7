package dev.entente.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entente.reports.ReportDocument.Chart;
import dev.entente.reports.ReportDocument.Section;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Opens the rendered {@code index.html} in real headless Chromium (Debian's package) and fails on
 * any console error or missing chart; keeps a full-page screenshot as a build artifact in {@code
 * target/browser/index.png}, beside the rendered report and Chromium's log.
 *
 * <p>How it checks, without a script in the report: over the DevTools protocol ({@link
 * HeadlessChromium}) it collects every error the page reports (uncaught exceptions, {@code
 * console.error}, browser log errors such as Content-Security-Policy violations), then evaluates
 * one expression in the loaded page that measures each {@code figure.chart}: its SVG must be laid
 * out with a non-zero size and carry the chart's title, axis labels and categories as rendered
 * text. A second test breaks a copy of the page on purpose to prove those checks catch errors.
 *
 * <p>Chromium missing is a failure, never a skip: install it with {@code apt-get install chromium}
 * ({@code .ci/run} does).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Measures the page from outside it; returns JSON-friendly values only. */
  private static final String MEASURE =
      """
      (() => {
        const charts = [...document.querySelectorAll('figure.chart')].map(figure => {
          const svg = figure.querySelector('svg');
          if (!svg) return {id: null, label: figure.getAttribute('aria-label')};
          const box = svg.getBoundingClientRect();
          const texts = [...svg.querySelectorAll('text')];
          return {
            id: svg.id,
            label: figure.getAttribute('aria-label'),
            width: box.width,
            height: box.height,
            texts: texts.map(t => t.textContent),
            textLength: texts.reduce((sum, t) => sum + t.getComputedTextLength(), 0),
            shapes: svg.querySelectorAll('path, rect, line').length
          };
        });
        return {
          title: document.title,
          tables: document.querySelectorAll('table').length,
          charts: charts,
          scripts: document.scripts.length,
          resources: performance.getEntriesByType('resource').map(r => r.name)
        };
      })()
      """;

  private final Path artifacts =
      Path.of(System.getProperty("reports.browser.dir", "target/browser")).toAbsolutePath();
  private final Duration timeout =
      Duration.ofSeconds(Long.getLong("reports.browser.timeoutSeconds", 120));
  private HeadlessChromium chromium;
  private ReportDocument document;

  @BeforeAll
  void startChromium() throws Exception {
    Path executable = HeadlessChromium.find();
    if (executable == null) {
      fail(
          "Chromium is not installed: the report's browser test needs Debian's chromium at "
              + HeadlessChromium.DEBIAN_CHROMIUM
              + " (or on the PATH, or -Dreports.chromium=PATH). Install it with "
              + "`apt-get update && apt-get install -y chromium`; .ci/run does this before "
              + "`mvn -B verify`.");
    }
    Files.createDirectories(artifacts);
    chromium = HeadlessChromium.start(executable, artifacts.resolve("chromium.log"), timeout);
    document = new ReportReader().read(SampleDocument.path());
  }

  @AfterAll
  void stopChromium() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void renderedReport_loadsWithoutErrors_showsEveryTableAndChart_andKeepsAScreenshot()
      throws Exception {
    Path out = artifacts.resolve("report");
    Reports.render(SampleDocument.path(), out);

    String tab = chromium.openTab();
    chromium.load(tab, out.resolve(Reports.HTML_FILE).toUri().toString());
    JsonNode page = chromium.evaluate(tab, MEASURE);
    Path screenshot = artifacts.resolve("index.png");
    Files.write(screenshot, chromium.screenshot(tab));
    Files.writeString(
        artifacts.resolve("measurements.json"),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(page),
        StandardCharsets.UTF_8);

    assertThat(problems(tab, page, document))
        .as("problems in %s", out.resolve(Reports.HTML_FILE))
        .isEmpty();
    assertThat(page.path("title").asText()).isEqualTo(document.title());
    assertThat(page.path("tables").asInt()).isEqualTo(document.tableCount());
    assertThat(page.path("scripts").asInt()).isZero();
    assertThat(page.path("resources")).as("resources fetched by the page").isEmpty();
    byte[] png = Files.readAllBytes(screenshot);
    assertThat(png).hasSizeGreaterThan(20_000);
    assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  @Test
  void brokenPage_externalResourceAndMissingChart_areBothReported() throws Exception {
    Path out = artifacts.resolve("broken");
    Reports.render(SampleDocument.path(), out);
    Path html = out.resolve(Reports.HTML_FILE);
    String page = Files.readString(html, StandardCharsets.UTF_8);
    int svgStart = page.indexOf("<svg");
    int svgEnd = page.indexOf("</svg>", svgStart) + "</svg>".length();
    String broken =
        page.substring(0, svgStart)
            + page.substring(svgEnd)
                .replace(
                    "</main>", "<img src=\"https://example.invalid/tracker.png\" alt=\"\"></main>");
    Files.writeString(html, broken, StandardCharsets.UTF_8);

    String tab = chromium.openTab();
    chromium.load(tab, html.toUri().toString());
    List<String> problems = problems(tab, chromium.evaluate(tab, MEASURE), document);

    assertThat(problems)
        .anySatisfy(problem -> assertThat(problem).contains("Content Security Policy"))
        .anySatisfy(problem -> assertThat(problem).contains("has no <svg>"));
  }

  /**
   * The report published for the current commit ({@code reports/published/}, written by {@code
   * ./entente run --out reports/published}) is the one people read: it is rendered again from its
   * {@code results.json} and must load just as cleanly, with every chart the campaign produced.
   */
  @Test
  void publishedCampaignReport_loadsWithoutErrorsAndShowsEveryChart() throws Exception {
    Path results = Path.of("published", "results.json").toAbsolutePath();
    assertThat(results)
        .as("the published report; regenerate with ./entente run --out reports/published")
        .exists();
    ReportDocument published = new ReportReader().read(results);
    Path out = artifacts.resolve("published");
    Reports.render(results, out);

    String tab = chromium.openTab();
    chromium.load(tab, out.resolve(Reports.HTML_FILE).toUri().toString());
    JsonNode page = chromium.evaluate(tab, MEASURE);
    Files.write(artifacts.resolve("published.png"), chromium.screenshot(tab));

    assertThat(problems(tab, page, published)).as("problems in the published report").isEmpty();
    assertThat(page.path("tables").asInt()).isEqualTo(published.tableCount());
    assertThat(page.path("charts").size()).isPositive();
    assertThat(page.path("resources")).as("resources fetched by the page").isEmpty();
  }

  /** Console errors first, then every chart that is missing, empty or lacks its labels. */
  private List<String> problems(String tab, JsonNode page, ReportDocument document) {
    List<String> problems = new ArrayList<>(chromium.errors(tab));
    List<Chart> expected = new ArrayList<>();
    for (Section section : document.sections()) {
      expected.addAll(section.charts());
    }
    JsonNode charts = page.path("charts");
    if (charts.size() != expected.size()) {
      problems.add("expected " + expected.size() + " charts, the page has " + charts.size());
    }
    for (int i = 0; i < Math.min(charts.size(), expected.size()); i++) {
      problems.addAll(chartProblems(expected.get(i), charts.get(i)));
    }
    return problems;
  }

  private static List<String> chartProblems(Chart chart, JsonNode measured) {
    String name = "chart \"" + chart.title() + "\"";
    if (measured.path("id").isNull()) {
      return List.of(name + " has no <svg>");
    }
    List<String> problems = new ArrayList<>();
    if (measured.path("width").asDouble() < 100 || measured.path("height").asDouble() < 50) {
      problems.add(
          name + " is laid out at " + measured.path("width") + "x" + measured.path("height"));
    }
    if (measured.path("textLength").asDouble() <= 0) {
      problems.add(name + " shows no text (fonts missing?)");
    }
    if (measured.path("shapes").asInt() < chart.categories().size()) {
      problems.add(name + " draws only " + measured.path("shapes") + " shapes");
    }
    List<String> texts = new ArrayList<>();
    measured.path("texts").forEach(text -> texts.add(text.asText()));
    List<String> wanted = new ArrayList<>(chart.categories());
    wanted.add(chart.title());
    if (chart.xLabel() != null) {
      wanted.add(chart.xLabel());
    }
    if (chart.yLabel() != null) {
      wanted.add(chart.yLabel());
    }
    if (chart.series().size() > 1) {
      chart.series().forEach(series -> wanted.add(series.name()));
    }
    for (String text : wanted) {
      if (!texts.contains(text)) {
        problems.add(name + " lacks the label \"" + text + "\"");
      }
    }
    return problems;
  }
}
