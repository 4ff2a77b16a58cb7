package dev.entente.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scaling table from JMH's JSON results of {@link ScalingBenchmark}: time and peak heap per
 * policy, order and size, exponents between sizes and ratios to the in-order replay. Pure functions
 * of the results. Thread-safe.
 */
public final class ScalingTable {
  /** Shuffled and reversed replays must stay within this factor of in-order (issue 13). */
  public static final double TARGET = 2.0;

  private static final String CLASS = ScalingBenchmark.class.getSimpleName() + ".";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ScalingTable() {}

  private record Shot(String policy, String order, long changes, double millis, double heapMb) {}

  /** The rows for every scaling result in {@code jmhResults} (a JMH JSON array), sorted. */
  public static List<ScalingRow> compute(JsonNode jmhResults) {
    List<Shot> shots = new ArrayList<>();
    for (JsonNode n : jmhResults) {
      String benchmark = n.path("benchmark").asText();
      int at = benchmark.indexOf(CLASS);
      if (at >= 0) {
        shots.add(
            new Shot(
                n.path("params").path("policy").asText(),
                benchmark.substring(at + CLASS.length()),
                n.path("params").path("changes").asLong(),
                n.path("primaryMetric").path("score").asDouble(),
                peakHeap(n.path("secondaryMetrics"))));
      }
    }
    shots.sort(
        Comparator.comparing(Shot::policy)
            .thenComparing(Shot::order)
            .thenComparingLong(Shot::changes));
    List<ScalingRow> rows = new ArrayList<>();
    for (Shot s : shots) {
      rows.add(row(s, shots));
    }
    return rows;
  }

  private static double peakHeap(JsonNode secondary) {
    for (Map.Entry<String, JsonNode> e : secondary.properties()) {
      if (e.getKey().endsWith(PeakHeapProfiler.LABEL)) {
        return e.getValue().path("score").asDouble(Double.NaN);
      }
    }
    return Double.NaN;
  }

  private static ScalingRow row(Shot s, List<Shot> shots) {
    Shot smaller = null;
    Shot inOrder = null;
    for (Shot o : shots) {
      if (!o.policy().equals(s.policy())) {
        continue;
      }
      if (o.order().equals(s.order())
          && o.changes() < s.changes()
          && (smaller == null || o.changes() > smaller.changes())) {
        smaller = o;
      }
      if (o.order().equals("inOrder") && o.changes() == s.changes()) {
        inOrder = o;
      }
    }
    double timeRatio = inOrder == null ? Double.NaN : s.millis() / inOrder.millis();
    double heapRatio = inOrder == null ? Double.NaN : s.heapMb() / inOrder.heapMb();
    String verdict =
        s.order().equals("inOrder") || inOrder == null
            ? "-"
            : timeRatio <= TARGET && heapRatio <= TARGET ? "met" : "missed";
    return new ScalingRow(
        s.policy(),
        s.order(),
        s.changes(),
        s.millis(),
        s.heapMb(),
        smaller == null ? Double.NaN : exponent(smaller.millis(), s.millis(), smaller, s),
        smaller == null ? Double.NaN : exponent(smaller.heapMb(), s.heapMb(), smaller, s),
        timeRatio,
        heapRatio,
        verdict);
  }

  /** {@code log(v2/v1) / log(n2/n1)}: 1 for linear growth, 2 for quadratic. */
  private static double exponent(double v1, double v2, Shot small, Shot large) {
    return Math.log(v2 / v1) / Math.log((double) large.changes() / small.changes());
  }

  /** Writes the rows as a JSON array (NaN as the string "NaN") for the campaign. */
  public static void writeJson(List<ScalingRow> rows, Path file) throws IOException {
    JSON.writeValue(file.toFile(), rows);
  }

  /** The rows as a fixed-width text table, or nothing if there are none. */
  public static String text(List<ScalingRow> rows) {
    if (rows.isEmpty()) {
      return "";
    }
    String format = "%-13s %-9s %9s %11s %10s %7s %7s %8s %8s  %s%n";
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            format,
            "policy",
            "order",
            "changes",
            "time",
            "peak heap",
            "exp t",
            "exp mem",
            "t/inord",
            "m/inord",
            "target <= 2x"));
    for (ScalingRow r : rows) {
      out.append(
          String.format(
              Locale.ROOT,
              format,
              r.policy(),
              r.order(),
              r.changes(),
              String.format(Locale.ROOT, "%.1f ms", r.millis()),
              String.format(Locale.ROOT, "%.0f MB", r.peakHeapMb()),
              num(r.timeExponent()),
              num(r.heapExponent()),
              num(r.timeVsInOrder()),
              num(r.heapVsInOrder()),
              r.verdict()));
    }
    return out.toString();
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
  }
}
