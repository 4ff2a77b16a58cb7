package dev.entente.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The simulator table: {@link SimulatorBenchmark}'s JMH results as complete default-profile runs
 * per minute and events per second on one core, per policy. Pure functions of the JMH JSON.
 */
public final class SimulatorRates {
  /** The benchmark these rows come from. */
  static final String BENCHMARK = SimulatorBenchmark.class.getName() + ".defaultProfileRun";

  /**
   * One policy's rates.
   *
   * @param policy the register policy of the runs
   * @param runsPerMinute complete default-profile runs per minute (JMH's runs per second x 60)
   * @param runsPerMinuteError the half-width of its 99.9% interval ({@code NaN} if unknown)
   * @param eventsPerSecond simulator events executed per second
   */
  public record Row(
      String policy, double runsPerMinute, double runsPerMinuteError, double eventsPerSecond) {}

  private SimulatorRates() {}

  /**
   * The rows of {@code jmhJson} (JMH's JSON array), in result order; empty if the simulator was not
   * measured.
   *
   * @throws IOException if the text is not a JSON array
   */
  public static List<Row> parse(String jmhJson) throws IOException {
    JsonNode root = BenchJson.MAPPER.readTree(jmhJson);
    if (root == null || !root.isArray()) {
      throw new IOException("a JMH JSON result is an array of results");
    }
    List<Row> rows = new ArrayList<>();
    for (JsonNode node : root) {
      if (!node.path("benchmark").asText().equals(BENCHMARK)) {
        continue;
      }
      JsonNode primary = node.path("primaryMetric");
      rows.add(
          new Row(
              node.path("params").path("policy").asText("?"),
              primary.path("score").asDouble(Double.NaN) * 60,
              primary.path("scoreError").asDouble(Double.NaN) * 60,
              node.path("secondaryMetrics").path("events").path("score").asDouble(Double.NaN)));
    }
    return rows;
  }

  /** Reads the rows of a JMH JSON result file. */
  public static List<Row> read(Path jmhJson) throws IOException {
    return parse(Files.readString(jmhJson));
  }

  /** Writes {@code rows} as a JSON array for the campaign. */
  public static void writeJson(List<Row> rows, Path file) throws IOException {
    BenchJson.writeArray(
        rows,
        (r, node) -> {
          node.put("policy", r.policy());
          node.put("runsPerMinute", r.runsPerMinute());
          node.put("runsPerMinuteError", r.runsPerMinuteError());
          node.put("eventsPerSecond", r.eventsPerSecond());
        },
        file);
  }

  /** The rows as a fixed-width text table, or nothing if there are none. */
  public static String table(List<Row> rows) {
    if (rows.isEmpty()) {
      return "";
    }
    String format = "%-14s %16s %10s %16s%n";
    StringBuilder out = new StringBuilder("simulator, default profile, one core\n");
    out.append(String.format(Locale.ROOT, format, "policy", "runs/min", "+-", "events/s"));
    for (Row r : rows) {
      out.append(
          String.format(
              Locale.ROOT,
              format,
              r.policy(),
              String.format(Locale.ROOT, "%.0f", r.runsPerMinute()),
              Double.isNaN(r.runsPerMinuteError())
                  ? "?"
                  : String.format(Locale.ROOT, "%.0f", r.runsPerMinuteError()),
              String.format(Locale.ROOT, "%.0f", r.eventsPerSecond())));
    }
    return out.toString();
  }
}
