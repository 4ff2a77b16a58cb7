package dev.entente.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HtmlReportRendererTest {
  private static String html;

  @BeforeAll
  static void render() throws Exception {
    html = new HtmlReportRenderer(new ChartRenderer()).render(SampleDocument.read());
  }

  @Test
  void header_showsCommandAndMachine_atTheTop() {
    int command = html.indexOf("./entente run --quick --only &#39;clocks|policies&#39;");
    int firstSection = html.indexOf("<section");
    assertThat(command).isPositive().isLessThan(firstSection);
    assertThat(html.substring(0, firstSection))
        .contains("<dt>JDK</dt><dd>17.0.15</dd>")
        .contains("<dt>Cores</dt><dd>2</dd>")
        .contains("<dt>Commit</dt><dd>abc123 (uncommitted changes)</dd>")
        .contains("<dt>Seeds</dt><dd>1\u201320 (20 seeds)</dd>");
  }

  @Test
  void text_isEscaped_lessThanAmpersandAndQuotes() {
    assertThat(html)
        .contains("<title>Entente campaign &lt;sample&gt; &amp; &quot;friends&quot;</title>")
        .contains("<td>&lt;b&gt;not bold&lt;/b&gt;</td>")
        .contains("<td>Tom &amp; &quot;Jerry&quot;</td>")
        .contains("<td>it&#39;s</td>")
        .doesNotContain("<b>not bold</b>")
        .doesNotContain("<sample>");
  }

  @Test
  void tables_numbersRightAligned_nullsAsEmDash_fixedNumberFormat() {
    assertThat(html)
        .contains("<th scope=\"col\" class=\"num\">runs</th>")
        .contains("<th scope=\"col\">a|b</th>")
        .contains(
            "<tr><td>wall</td><td class=\"num\">20</td><td class=\"num\">37</td>"
                + "<td class=\"missing\" title=\"no value\">\u2014</td><td>x | y</td></tr>")
        .contains("<td class=\"num\">1200</td><td class=\"num\">0.123</td>")
        .contains("<td class=\"num\">812.5</td>");
  }

  @Test
  void eachSection_hasQuestionSetupTablesChartsAndFindings_inThatOrder() {
    int section = html.indexOf("<section id=\"clocks\">");
    int question = html.indexOf("<span class=\"label\">Question.</span> Which timestamp", section);
    int setup = html.indexOf("<span class=\"label\">Setup.</span> LWW map", question);
    int table = html.indexOf("<table>", setup);
    int chart = html.indexOf("<figure class=\"chart\"", table);
    int findings = html.indexOf("<h3>Findings</h3>", chart);
    assertThat(new int[] {section, question, setup, table, chart, findings})
        .doesNotContain(-1)
        .isSorted();
    assertThat(html)
        .contains("<p>HLC led physical time by at most 812.5 ms.</p>")
        .contains("<section id=\"anti-entropy\">")
        .contains("<a href=\"#anti-entropy\">Anti-entropy variants</a>");
  }

  @Test
  void charts_areInlineSvg_withUniqueDeterministicIds() {
    assertThat(count("<svg id='chart-", html)).isEqualTo(3);
    assertThat(html)
        .contains("<svg id='chart-clocks-1'")
        .contains("<svg id='chart-anti-entropy-1'")
        .contains("<svg id='chart-anti-entropy-2'")
        .contains("clip-path='url(#chart-anti-entropy-2-clip-");
    Matcher ids = Pattern.compile(" id='([^']+)'").matcher(html);
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (ids.find()) {
      assertThat(seen.add(ids.group(1))).as("unique id %s", ids.group(1)).isTrue();
    }
  }

  @Test
  void page_isSelfContained_noScriptsNoExternalReferences() {
    assertThat(html)
        .doesNotContainIgnoringCase("<script")
        .doesNotContainIgnoringCase("<link")
        .doesNotContain("src=")
        .doesNotContain("@import")
        .doesNotContain("url(http")
        .contains("Content-Security-Policy\" content=\"default-src 'none';");
    // The only absolute URLs are XML namespace names, which are never fetched.
    Matcher urls = Pattern.compile("https?://[^'\" )]+").matcher(html);
    while (urls.find()) {
      assertThat(urls.group())
          .isIn(
              "http://www.w3.org/2000/svg",
              "http://www.w3.org/1999/xlink",
              "http://www.jfree.org/jfreesvg/svg");
    }
  }

  private static int count(String needle, String haystack) {
    int count = 0;
    for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
      count++;
    }
    return count;
  }
}
