package dev.entente.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Runs the bench module's BenchRunner as a child process ({@code java -cp
 * bench/target/benchmarks.jar dev.entente.bench.BenchRunner MODE --out RUN_DIR/bench}; the cli does
 * not depend on bench) and turns its {@code ratios.json}, {@code simulator.json}, {@code
 * scaling.json} and (when the peers suite ran) {@code peers-bytes.json} into campaign records:
 * {@code --tiny} for a quick campaign, {@code --quick} for the default one, {@code --full} for a
 * full one. When the jar is missing or the run fails, the records say so. Stateless.
 */
final class BenchStep {
  private BenchStep() {}

  /** The records of a run skipped on purpose. */
  static List<RunRecord> skipped(CampaignMode mode, String reason) {
    return List.of(status(mode, "skipped", reason));
  }

  static List<RunRecord> run(Path root, Path runDir, CampaignMode mode, PrintStream err) {
    Path jar = root.resolve("bench").resolve("target").resolve("benchmarks.jar");
    if (!Files.isRegularFile(jar)) {
      return List.of(
          status(mode, "unavailable", jar + " not found (build it with mvn -B install)"));
    }
    Path out = runDir.resolve("bench");
    Path log = out.resolve("bench.log");
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            jar.toString(),
            "dev.entente.bench.BenchRunner",
            "--" + benchMode(mode),
            "--out",
            out.toString());
    err.println("benchmarks: " + String.join(" ", command) + " (log: " + log + ")");
    try {
      Files.createDirectories(out);
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      p.getOutputStream().close();
      int status = p.waitFor();
      if (status != 0) {
        return List.of(
            status(mode, "failed", "BenchRunner exited with " + status + "; see " + log));
      }
      List<RunRecord> records = records(mode, CampaignFiles.readJson(out.resolve("ratios.json")));
      Path simulator = out.resolve("simulator.json");
      if (Files.isRegularFile(simulator)) {
        simulatorRecords(CampaignFiles.readJson(simulator), records);
      }
      ScalingTables.addRecords(out.resolve("scaling.json"), records);
      Path bytes = out.resolve("peers-bytes.json");
      if (Files.isRegularFile(bytes)) {
        for (JsonNode row : CampaignFiles.readJson(bytes)) {
          PeerBytesMetrics m =
              new PeerBytesMetrics(
                  row.path("subject").asText(),
                  row.path("encoding").asText(),
                  row.path("rawBytes").asLong(),
                  row.path("gzipBytes").asLong());
          records.add(RunRecord.of(BenchmarksSection.ID, m.subject(), 0, records.size(), m));
        }
      }
      return records;
    } catch (IOException | RuntimeException e) {
      return List.of(status(mode, "failed", RunRecord.stackTrace(e)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of(status(mode, "failed", "interrupted"));
    }
  }

  static String benchMode(CampaignMode mode) {
    return switch (mode) {
      case QUICK -> "tiny";
      case DEFAULT -> "quick";
      case FULL -> "full";
    };
  }

  private static List<RunRecord> records(CampaignMode mode, JsonNode ratios) {
    List<RunRecord> out = new ArrayList<>();
    out.add(status(mode, "ran", "BenchRunner --" + benchMode(mode)));
    for (JsonNode row : ratios) {
      String params = params(row.path("params"));
      BenchRatioMetrics m =
          new BenchRatioMetrics(
              row.path("label").asText(),
              params,
              row.path("subjectNanosPerOp").asDouble(),
              row.path("baselineNanosPerOp").asDouble(),
              row.path("ratio").asDouble(),
              row.path("target").asText(),
              row.path("verdict").asText(),
              row.path("subjectSpread").path("p25").asDouble(Double.NaN),
              row.path("subjectSpread").path("p75").asDouble(Double.NaN),
              row.path("baselineSpread").path("p25").asDouble(Double.NaN),
              row.path("baselineSpread").path("p75").asDouble(Double.NaN),
              row.path("subjectAllocBytesPerOp").asDouble(Double.NaN));
      String variant = m.label() + (params.isEmpty() ? "" : " " + params);
      out.add(RunRecord.of(BenchmarksSection.ID, variant, 0, out.size(), m));
    }
    return out;
  }

  /** Appends one record per row of {@code simulator.json} to {@code out}. */
  private static void simulatorRecords(JsonNode rows, List<RunRecord> out) {
    for (JsonNode row : rows) {
      SimulatorBenchMetrics m =
          new SimulatorBenchMetrics(
              row.path("policy").asText(),
              row.path("runsPerMinute").asDouble(),
              finiteOrZero(row.path("runsPerMinuteError").asDouble(0)),
              row.path("eventsPerSecond").asDouble());
      out.add(RunRecord.of(BenchmarksSection.ID, "simulator " + m.policy(), 0, out.size(), m));
    }
  }

  private static double finiteOrZero(double d) {
    return Double.isFinite(d) ? d : 0;
  }

  private static String params(JsonNode params) {
    List<String> parts = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = params.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      parts.add(e.getKey() + "=" + e.getValue().asText());
    }
    parts.sort(null);
    return String.join(", ", parts);
  }

  private static RunRecord status(CampaignMode mode, String status, String reason) {
    return RunRecord.of(
        BenchmarksSection.ID,
        StepStatus.VARIANT,
        0,
        0,
        new StepStatus(status, reason, "BenchRunner --" + benchMode(mode)));
  }
}
