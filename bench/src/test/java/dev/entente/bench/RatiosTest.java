package dev.entente.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The ratio computation on a canned result: {@code jmh-smoke-result.json} is real JMH output (short
 * smoke runs of the clock, codec, apply and merge benchmarks on a loaded 2-core machine, joined
 * into one array). Its numbers are noise; only the arithmetic on them is checked. No timing here.
 */
class RatiosTest {
  private static final double EXACT = 1e-9;

  private static List<JmhResult> canned() throws IOException {
    try (InputStream in =
        Objects.requireNonNull(RatiosTest.class.getResourceAsStream("/jmh-smoke-result.json"))) {
      return JmhResult.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static RatioRow only(List<RatioRow> rows, String label, Map<String, String> params) {
    List<RatioRow> found =
        rows.stream()
            .filter(r -> r.label().equals(label) && r.params().equals(new TreeMap<>(params)))
            .toList();
    assertThat(found).as("rows for %s %s", label, params).hasSize(1);
    return found.get(0);
  }

  @Test
  void parse_cannedResult_readsEveryBenchmarkWithParamsAndUnits() throws IOException {
    List<JmhResult> results = canned();

    assertThat(results).hasSize(28);
    JmhResult merge = results.get(22);
    assertThat(merge.benchmark()).isEqualTo("dev.entente.bench.MergeBenchmark.ententeMerge");
    assertThat(merge.mode()).isEqualTo("avgt");
    assertThat(merge.params())
        .containsExactly(Map.entry("overlap", "disjoint"), Map.entry("size", "50000"));
    assertThat(merge.unit()).isEqualTo("us/op");
    assertThat(merge.score()).isEqualTo(16808.263);
    assertThat(merge.scoreError()).isNaN();
    assertThat(merge.nanosPerOp()).isCloseTo(16_808_263.0, within(1e-3));
  }

  @Test
  void compute_cannedResult_givesOneRowPerSpecAndSharedParams() throws IOException {
    List<RatioRow> rows = Ratios.compute(canned(), Ratios.DEFAULT);

    // clock 4, apply 2 specs x 2 sizes, merge 3 specs x 2 shapes, codec 1 x 2; no vector results.
    assertThat(rows).hasSize(4 + 4 + 6 + 2);
    assertThat(rows).noneMatch(r -> r.label().startsWith("VersionVector"));
    assertThat(rows.get(0).label()).isEqualTo("HLC now() / currentTimeMillis()");
  }

  @Test
  void compute_hlcNow_isTheQuotientOfTheTwoScores() throws IOException {
    RatioRow row =
        only(Ratios.compute(canned(), Ratios.DEFAULT), "HLC now() / currentTimeMillis()", Map.of());

    assertThat(row.subjectNanos()).isEqualTo(56.8149130800527);
    assertThat(row.baselineNanos()).isEqualTo(26.60602440939898);
    assertThat(row.ratio()).isCloseTo(56.8149130800527 / 26.60602440939898, within(EXACT));
    assertThat(row.target()).isEqualTo(Target.atMost(1.1));
    assertThat(row.met()).isFalse();
    assertThat(row.verdict()).isEqualTo("MISSED");
    double relative = 65.31846072886212 / 56.8149130800527 + 114.85870257786725 / 26.60602440939898;
    assertThat(row.ratioError()).isCloseTo(row.ratio() * relative, within(EXACT));
  }

  @Test
  void compute_applyRatios_pairResultsWithTheSameKeys() throws IOException {
    List<RatioRow> rows = Ratios.compute(canned(), Ratios.DEFAULT);

    RatioRow small = only(rows, "Replica apply / HashMap put", Map.of("keys", "1000"));
    RatioRow large = only(rows, "Replica apply / HashMap put", Map.of("keys", "100000"));

    assertThat(small.ratio()).isCloseTo(698.2408573407203 / 41.836083612180026, within(EXACT));
    assertThat(large.ratio()).isCloseTo(2581.203205655527 / 231.67689302967563, within(EXACT));
    assertThat(small.ratioError()).isNaN();
  }

  @Test
  void compute_pekkoOverEntente_isASpeedupWithAnAtLeastTarget() throws IOException {
    List<RatioRow> rows = Ratios.compute(canned(), Ratios.DEFAULT);

    RatioRow disjoint =
        only(
            rows,
            "Pekko LWWMap merge / map-level LwwMap mergeFrom",
            Map.of("overlap", "disjoint", "size", "50000"));

    assertThat(disjoint.ratio()).isCloseTo(129067.435125 / 16808.263, within(EXACT));
    assertThat(disjoint.subjectNanos()).isCloseTo(129_067_435.125, within(1e-3));
    assertThat(disjoint.target()).isEqualTo(Target.atLeast(5));
    assertThat(disjoint.verdict()).isEqualTo("met");
  }

  @Test
  void compute_missingBaseline_givesNoRow() {
    JmhResult lonely = result("dev.entente.bench.ClockBenchmark.hlcNow", Map.of(), 10, "ns/op");

    assertThat(Ratios.compute(List.of(lonely), Ratios.DEFAULT)).isEmpty();
  }

  @Test
  void compute_differentParams_areNotPaired() {
    List<JmhResult> results =
        List.of(
            result("x.ApplyBenchmark.replicaApply", Map.of("keys", "1000"), 30, "ns/op"),
            result("x.ApplyBenchmark.hashMapPut", Map.of("keys", "100000"), 10, "ns/op"));

    assertThat(Ratios.compute(results, Ratios.DEFAULT)).isEmpty();
  }

  @Test
  void compute_mixedUnitsAndThroughput_areNormalisedToNanosPerOp() {
    List<JmhResult> results =
        List.of(
            result("x.MergeBenchmark.ententeMerge", Map.of(), 2, "ms/op"),
            // 100 ops/s is 10 ms/op.
            new JmhResult(
                "x.MergeBenchmark.pekkoLwwMapMerge", "thrpt", new TreeMap<>(), 100, 1, "ops/s"));

    RatioRow row = Ratios.compute(results, Ratios.DEFAULT).get(0);

    assertThat(row.subjectNanos()).isCloseTo(1e7, within(EXACT));
    assertThat(row.baselineNanos()).isCloseTo(2e6, within(EXACT));
    assertThat(row.ratio()).isCloseTo(5.0, within(EXACT));
    assertThat(row.verdict()).isEqualTo("met");
  }

  @Test
  void nanosPerOp_unknownUnit_isRejected() {
    JmhResult odd = result("x.Y.z", Map.of(), 1, "B/op");

    assertThatThrownBy(odd::nanosPerOp)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("B/op");
  }

  @Test
  void parse_notAnArray_isRejected() {
    assertThatThrownBy(() -> JmhResult.parse("{}")).isInstanceOf(IOException.class);
  }

  @Test
  void table_cannedResult_hasAHeaderAndOneLinePerRow() throws IOException {
    List<RatioRow> rows = Ratios.compute(canned(), Ratios.DEFAULT);

    String[] lines = Ratios.table(rows).split("\n", -1);

    assertThat(lines).hasSize(rows.size() + 2); // header, rows, empty after the last newline
    assertThat(lines[0]).startsWith("ratio").contains("baseline", "target");
    assertThat(lines[1])
        .startsWith("HLC now() / currentTimeMillis()")
        .contains("2.14x", "<= 1.10x", "MISSED");
  }

  @Test
  void benchRunner_ratiosOfCannedFile_printsTheTableAndExitsZero() throws URISyntaxException {
    Path file =
        Path.of(
            Objects.requireNonNull(RatiosTest.class.getResource("/jmh-smoke-result.json")).toURI());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        BenchRunner.run(
            new String[] {"--ratios", file.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Pekko LWWMap merge / map-level LwwMap mergeFrom");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void benchRunner_unknownArgumentOrSuite_isAUsageError() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    assertThat(BenchRunner.run(new String[] {"--fast"}, sink, sink)).isEqualTo(2);
    assertThat(BenchRunner.run(new String[] {"--only", "clocks"}, sink, sink)).isEqualTo(2);
    assertThat(BenchRunner.run(new String[] {"--quick", "--full"}, sink, sink)).isEqualTo(2);
    assertThat(BenchRunner.run(new String[] {"--out"}, sink, sink)).isEqualTo(2);
  }

  private static JmhResult result(
      String name, Map<String, String> params, double score, String unit) {
    return new JmhResult(name, "avgt", new TreeMap<>(params), score, Double.NaN, unit);
  }
}
