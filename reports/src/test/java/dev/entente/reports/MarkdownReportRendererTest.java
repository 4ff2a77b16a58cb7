package dev.entente.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MarkdownReportRendererTest {
  private static String markdown;

  @BeforeAll
  static void render() throws Exception {
    markdown = new MarkdownReportRenderer().render(SampleDocument.read());
  }

  @Test
  void header_showsCommandAndMachine_beforeTheFirstSection() {
    String header = markdown.substring(0, markdown.indexOf("\n## "));
    assertThat(header)
        .startsWith("# Entente campaign \\<sample\\> \\& \"friends\"\n")
        .contains("Command: `./entente run --quick --only 'clocks|policies' --seeds 1..20`")
        .contains("- **JDK:** 17.0.15\n- **Cores:** 2\n")
        .contains("- **Commit:** abc123 (uncommitted changes)\n");
  }

  @Test
  void tables_areGitHubTables_withEscapedPipesNumbersAndDashes() {
    assertThat(markdown)
        .contains(
            "| clock | runs | lost causally later writes | max HLC lead (ms) | a\\|b |\n"
                + "| --- | ---: | ---: | ---: | --- |\n"
                + "| wall | 20 | 37 | \u2014 | x \\| y |\n"
                + "| lamport | 20 | 0 | \u2014 | \\<b\\>not bold\\</b\\> |\n"
                + "| hlc | 20 | 0 | 812.5 | Tom \\& \"Jerry\" |\n"
                + "| hlc (tiny) | 20 | 1200 | 0.123 | it's |\n")
        .contains(
            "| variant | p50 | p90 | p99 | max |\n"
                + "| --- | ---: | ---: | ---: | ---: |\n"
                + "| op push | 12 | 30 | 55 | 61 |\n"
                + "| state gossip | 9 | 21 | 40 | \u2014 |\n");
  }

  @Test
  void everyTableRow_hasOneCellPerColumn() {
    for (String line : markdown.split("\n")) {
      if (line.startsWith("| clock") || line.startsWith("| wall") || line.startsWith("| hlc")) {
        assertThat(line.replace("\\|", "").chars().filter(c -> c == '|').count())
            .as(line)
            .isEqualTo(6);
      }
    }
  }

  @Test
  void sections_haveQuestionSetupChartFilesAndFindings() {
    assertThat(markdown)
        .contains("## Clocks under skew\n\n**Question.** Which timestamp source")
        .contains("**Setup.** LWW map, 3-5 replicas")
        .contains("![Lost causally later writes per run](charts/chart-clocks-1.svg)")
        .contains("![Bytes per change](charts/chart-anti-entropy-2.svg)")
        .contains("### Findings\n\nGenerated from the numbers: wall clocks lost 37")
        .contains("\n\nHLC led physical time by at most 812.5 ms.\n\n")
        .contains(
            "*Wall clocks lose writes when the author's clock runs behind; a \\* star and "
                + "\\_under\\_.*");
  }

  @Test
  void escape_markdown_neutralisesSyntax() {
    assertThat(Escape.markdown("a|b*c_d`e[f](g)<h>\\i\nj"))
        .isEqualTo("a\\|b\\*c\\_d\\`e\\[f\\](g)\\<h\\>\\\\i j");
    assertThat(Escape.markdownParagraph("- not a list")).isEqualTo("\\- not a list");
    assertThat(Escape.markdownParagraph("1. not a list")).isEqualTo("1\\. not a list");
    assertThat(Escape.markdownCode("a `b` c")).isEqualTo("``a `b` c``");
  }
}
