package dev.entente.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entente.campaign.report.BarChart;
import dev.entente.campaign.report.Stats;
import dev.entente.campaign.report.TableBuilder;
import dev.entente.reports.ReportDocument.Chart;
import dev.entente.reports.ReportDocument.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The scaling part of the benchmarks section: records from the bench module's {@code scaling.json}
 * (replays in order, shuffled and reversed, per policy and size), their table, chart and findings.
 * Stateless.
 */
final class ScalingTables {
  private ScalingTables() {}

  /** Appends one {@link ScalingMetrics} record per row of {@code file}, if the run wrote it. */
  static void addRecords(Path file, List<RunRecord> out) throws IOException {
    if (!Files.isRegularFile(file)) {
      return;
    }
    for (JsonNode row : CampaignFiles.readJson(file)) {
      ScalingMetrics m =
          new ScalingMetrics(
              row.path("policy").asText(),
              row.path("order").asText(),
              row.path("changes").asLong(),
              row.path("millis").asDouble(),
              finite(row.path("peakHeapMb")),
              finite(row.path("timeExponent")),
              finite(row.path("heapExponent")),
              finite(row.path("timeVsInOrder")),
              finite(row.path("heapVsInOrder")),
              row.path("verdict").asText());
      String variant = "scaling " + m.policy() + " " + m.order() + " " + m.changes();
      out.add(RunRecord.of(BenchmarksSection.ID, variant, 0, out.size(), m));
    }
  }

  private static @Nullable Double finite(JsonNode n) {
    return n.isNumber() && Double.isFinite(n.asDouble()) ? n.asDouble() : null;
  }

  /** The table: one row per replay. */
  static Table table(List<ScalingMetrics> rows) {
    return TableBuilder.<ScalingMetrics>titled("Scaling: replaying N changes into one replica")
        .column("policy", ScalingMetrics::policy)
        .column("order", ScalingMetrics::order)
        .column("changes", ScalingMetrics::changes)
        .column("time (ms)", m -> Stats.round2(m.millis()))
        .column("peak heap (MB)", m -> rounded(m.peakHeapMb()))
        .column("time exponent", m -> rounded(m.timeExponent()))
        .column("heap exponent", m -> rounded(m.heapExponent()))
        .column("time / in order", m -> rounded(m.timeVsInOrder()))
        .column("heap / in order", m -> rounded(m.heapVsInOrder()))
        .column("target <= 2x", ScalingMetrics::verdict)
        .notes(
            "4 replicas, 1,000 keys in 10 causal groups, each change having seen the rounds"
                + " before its own; JMH single shots in a fresh JVM per row with the default heap."
                + " Exponent = log(t2/t1)/log(n2/n1) from the next smaller N: 1 is linear, 2"
                + " quadratic. Peak heap is the sum of the heap pools' peaks, input included.")
        .build(rows);
  }

  /** Bars of time over the in-order replay's, for the shuffled and reversed rows. */
  static Chart chart(List<ScalingMetrics> rows) {
    List<ScalingMetrics> compared = new ArrayList<>();
    for (ScalingMetrics m : rows) {
      if (m.timeVsInOrder() != null && !m.order().equals("inOrder")) {
        compared.add(m);
      }
    }
    return BarChart.<ScalingMetrics>titled("Replay time / in-order time", "replay", "x")
        .series("time", m -> rounded(m.timeVsInOrder()))
        .series("peak heap", m -> rounded(m.heapVsInOrder()))
        .build(compared, m -> m.policy() + " " + m.order() + " " + m.changes());
  }

  /** One sentence: targets met, the misses, the largest exponent. */
  static String findings(List<ScalingMetrics> rows) {
    long targeted = rows.stream().filter(m -> !m.verdict().equals("-")).count();
    long met = rows.stream().filter(m -> m.verdict().equals("met")).count();
    List<String> missed = new ArrayList<>();
    double worst = 0;
    for (ScalingMetrics m : rows) {
      if (m.verdict().equals("missed")) {
        missed.add(m.policy() + " " + m.order() + " " + m.changes());
      }
      if (m.timeExponent() != null) {
        worst = Math.max(worst, m.timeExponent());
      }
    }
    return String.format(
        Locale.ROOT,
        " Scaling: %d of %d out-of-order replays within 2x of in order in time and heap;"
            + " largest time exponent between sizes %.2f.%s",
        met,
        targeted,
        worst,
        missed.isEmpty() ? "" : " Missed: " + String.join("; ", missed) + ".");
  }

  private static @Nullable Double rounded(@Nullable Double v) {
    return v == null ? null : Stats.round2(v);
  }
}
