package dev.entente.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entry point: files written, byte-identical re-rendering, and the command-line main. */
class ReportsTest {
  @TempDir Path temp;

  @Test
  void render_writesHtmlMarkdownAndOneSvgPerChart() throws IOException {
    List<Path> written = Reports.render(SampleDocument.path(), temp.resolve("out"));

    assertThat(written)
        .extracting(path -> temp.resolve("out").relativize(path).toString())
        .containsExactly(
            "index.html",
            "report.md",
            "charts/chart-clocks-1.svg",
            "charts/chart-anti-entropy-1.svg",
            "charts/chart-anti-entropy-2.svg");
    assertThat(Files.readString(temp.resolve("out/charts/chart-clocks-1.svg")))
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg id='chart-clocks-1'")
        .endsWith("</svg>\n");
  }

  @Test
  void render_sameDocumentTwice_givesByteIdenticalFiles() throws IOException {
    Reports.render(SampleDocument.path(), temp.resolve("a"));
    Reports.render(SampleDocument.path(), temp.resolve("b"));

    assertThat(contents(temp.resolve("b"))).isEqualTo(contents(temp.resolve("a")));
  }

  @Test
  void render_inAnotherJvm_givesByteIdenticalFiles() throws Exception {
    Reports.render(SampleDocument.path(), temp.resolve("here"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                RenderMain.class.getName(),
                SampleDocument.path().toString(),
                temp.resolve("there").toString())
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("render.log").toFile())
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(temp.resolve("render.log"))).isZero();

    assertThat(contents(temp.resolve("there"))).isEqualTo(contents(temp.resolve("here")));
  }

  @Test
  void render_removesChartFilesTheDocumentNoLongerHas() throws IOException {
    Path out = temp.resolve("out");
    Files.createDirectories(out.resolve("charts"));
    Files.writeString(out.resolve("charts/chart-old-1.svg"), "<svg/>");
    Files.writeString(out.resolve("charts/keep.txt"), "not a chart");

    Reports.render(SampleDocument.path(), out);

    assertThat(out.resolve("charts/chart-old-1.svg")).doesNotExist();
    assertThat(out.resolve("charts/keep.txt")).exists();
  }

  @Test
  void render_invalidDocument_writesNothing() throws IOException {
    Path bad = temp.resolve("bad.json");
    Files.writeString(bad, "{\"schemaVersion\": 1}");

    assertThatThrownBy(() -> Reports.render(bad, temp.resolve("out")))
        .isInstanceOf(InvalidReportException.class)
        .hasMessageContaining("title: missing");
    assertThat(temp.resolve("out")).doesNotExist();
  }

  @Test
  void renderMain_exitStatus_zeroOnSuccess_oneOnInvalid_twoOnUsageOrUnreadable()
      throws IOException {
    Path bad = temp.resolve("bad.json");
    Files.writeString(bad, "[]");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);

    String target = temp.resolve("main").toString();
    String sample = SampleDocument.path().toString();
    assertThat(RenderMain.run(new String[] {sample, target}, stdout, stderr)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("index.html", "report.md");
    assertThat(RenderMain.run(new String[] {bad.toString(), target}, stdout, stderr)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("$: expected a JSON object, found an array");
    assertThat(RenderMain.run(new String[] {sample}, stdout, stderr)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: RenderMain");
    String missing = temp.resolve("missing.json").toString();
    assertThat(RenderMain.run(new String[] {missing, target}, stdout, stderr)).isEqualTo(2);
  }

  /** Every file under {@code dir}, by relative path, with its bytes as text. */
  private static Map<String, String> contents(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(path).toString(), Files.readString(path, StandardCharsets.UTF_8));
      }
    }
    assertThat(files).isNotEmpty();
    return files;
  }
}
