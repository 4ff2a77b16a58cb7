package dev.entente.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One benchmark result as JMH writes it with {@code -rf json}: the benchmark's full name, its
 * parameters and the primary metric. Immutable.
 *
 * @param benchmark the full name, e.g. {@code dev.entente.bench.ClockBenchmark.hlcNow}
 * @param mode JMH's mode code: {@code avgt}, {@code thrpt}, {@code sample} or {@code ss}
 * @param params the {@code @Param} values, sorted by name; empty if there are none
 * @param score the primary metric's score in {@code unit}
 * @param scoreError the half-width of its 99.9% confidence interval ({@code NaN} if JMH had too few
 *     samples to give one)
 * @param unit JMH's unit, e.g. {@code ns/op} or {@code ops/s}
 * @param spread the measured samples' quartiles and extremes, in {@code unit}
 * @param allocBytesPerOp JMH's GC profiler's {@code gc.alloc.rate.norm} (bytes allocated per op),
 *     {@code NaN} if the profiler did not run
 */
public record JmhResult(
    String benchmark,
    String mode,
    SortedMap<String, String> params,
    double score,
    double scoreError,
    String unit,
    Spread spread,
    double allocBytesPerOp) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALLOC_NORM = "gc.alloc.rate.norm";

  /** Copies the parameters. */
  public JmhResult {
    params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
  }

  /** A result without samples or allocation figures. */
  public JmhResult(
      String benchmark,
      String mode,
      SortedMap<String, String> params,
      double score,
      double scoreError,
      String unit) {
    this(benchmark, mode, params, score, scoreError, unit, Spread.NONE, Double.NaN);
  }

  /** Reads a JMH JSON result file. */
  public static List<JmhResult> read(Path file) throws IOException {
    return parse(Files.readString(file));
  }

  /**
   * Parses JMH's JSON: an array of objects with {@code benchmark}, {@code mode}, optional {@code
   * params} and {@code primaryMetric}.
   *
   * @throws IOException if the text is not JSON of that shape
   */
  public static List<JmhResult> parse(String json) throws IOException {
    JsonNode root = JSON.readTree(json);
    if (root == null || !root.isArray()) {
      throw new IOException("a JMH JSON result is an array of results");
    }
    List<JmhResult> out = new ArrayList<>();
    for (JsonNode node : root) {
      JsonNode metric = required(node, "primaryMetric");
      TreeMap<String, String> params = new TreeMap<>();
      for (Map.Entry<String, JsonNode> e : node.path("params").properties()) {
        params.put(e.getKey(), e.getValue().asText());
      }
      out.add(
          new JmhResult(
              required(node, "benchmark").asText(),
              required(node, "mode").asText(),
              params,
              required(metric, "score").asDouble(),
              metric.path("scoreError").asDouble(Double.NaN),
              required(metric, "scoreUnit").asText(),
              Spread.of(samples(metric.path("rawData"))),
              node.path("secondaryMetrics").path(ALLOC_NORM).path("score").asDouble(Double.NaN)));
    }
    return out;
  }

  private static List<Double> samples(JsonNode rawData) {
    List<Double> out = new ArrayList<>();
    for (JsonNode fork : rawData) {
      for (JsonNode sample : fork) {
        out.add(sample.asDouble());
      }
    }
    return out;
  }

  /**
   * The central time per op in nanoseconds: the median of the shots for single-shot results (one
   * slow shot must not move a headline figure), else JMH's score.
   */
  public double centralNanos() {
    Spread nanos = spreadNanos();
    return mode.equals("ss") && nanos.known() ? nanos.median() : nanosPerOp();
  }

  /** The spread in nanoseconds per op. */
  public Spread spreadNanos() {
    return unit.endsWith("/op") ? spread.scaled(nanosPerOp() / score) : Spread.NONE;
  }

  /** The parameters as {@code a=1, b=x}, or {@code -} if there are none. */
  public String paramsText() {
    return paramsText(params);
  }

  /** {@code params} as {@code a=1, b=x}, or {@code -} if empty. */
  static String paramsText(SortedMap<String, String> params) {
    if (params.isEmpty()) {
      return "-";
    }
    List<String> parts = new ArrayList<>();
    params.forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(", ", parts);
  }

  /**
   * The time per operation in nanoseconds, whatever the mode and unit: time units are scaled,
   * throughput is inverted.
   *
   * @throws IllegalArgumentException if the unit is not a time per op or ops per time
   */
  public double nanosPerOp() {
    String[] parts = unit.split("/", -1);
    if (parts.length == 2 && parts[1].equals("op")) {
      return score * nanosIn(parts[0]);
    }
    if (parts.length == 2 && parts[0].equals("ops")) {
      return nanosIn(parts[1]) / score;
    }
    throw notARate();
  }

  private IllegalArgumentException notARate() {
    return new IllegalArgumentException(
        "unit " + unit + " of " + benchmark + " is neither time per op nor ops per time");
  }

  private double nanosIn(String timeUnit) {
    return switch (timeUnit) {
      case "ns" -> 1;
      case "us" -> 1e3;
      case "ms" -> 1e6;
      case "s" -> 1e9;
      case "min" -> 60e9;
      default -> throw notARate();
    };
  }

  private static JsonNode required(JsonNode node, String field) throws IOException {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new IOException("JMH result lacks \"" + field + "\": " + node);
    }
    return v;
  }
}
