package dev.entente.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.entente.reports.Reports;
import dev.entente.simulations.campaign.CampaignPlan;
import dev.entente.simulations.campaign.RunRecord;
import dev.entente.simulations.campaign.Section;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of one campaign directory: {@code options.json}, {@code runs.jsonl}, {@code
 * results.json} (schemaVersion 1, see {@code reports/SCHEMA.md}) and the rendered report.
 * Stateless.
 */
final class CampaignFiles {
  static final String OPTIONS = "options.json";
  static final String RUNS = "runs.jsonl";
  static final String RESULTS = "results.json";
  static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CampaignFiles() {}

  /** The checkout this entente runs from: the nearest ancestor holding bench/ and a pom. */
  static Path repoRoot() {
    try {
      Path p =
          Path.of(EntenteCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toAbsolutePath();
      for (Path d = p; d != null; d = d.getParent()) {
        if (Files.isDirectory(d.resolve("bench")) && Files.isRegularFile(d.resolve("pom.xml"))) {
          return d;
        }
      }
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // Fall through to the working directory.
    }
    return Path.of("").toAbsolutePath();
  }

  static void writeOptions(
      Path dir, CampaignOptions o, Machine m, List<String> argv, List<String> mergedFrom)
      throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("schemaVersion", SCHEMA_VERSION);
    json.put("command", o.command());
    json.put("argv", argv);
    json.putAll(o.toJson());
    json.put("machine", m.toJson());
    if (!mergedFrom.isEmpty()) {
      json.put("mergedFrom", mergedFrom);
    }
    write(dir.resolve(OPTIONS), json);
  }

  static JsonNode readJson(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }

  static void writeRuns(Path dir, List<RunRecord> records) throws IOException {
    StringBuilder b = new StringBuilder();
    for (RunRecord r : records) {
      b.append(r.toJsonLine()).append('\n');
    }
    Files.writeString(dir.resolve(RUNS), b.toString(), StandardCharsets.UTF_8);
  }

  /** The lines of {@code runs.jsonl}, blank lines skipped. */
  static List<String> readRunLines(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve(RUNS), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        out.add(line);
      }
    }
    return out;
  }

  static Path writeResults(Path dir, CampaignOptions o, Machine m, List<Section> sections)
      throws IOException {
    CampaignPlan plan = o.plan();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("schemaVersion", SCHEMA_VERSION);
    json.put(
        "title",
        "Entente campaign"
            + (o.sharded() ? " (shard " + o.shardIndex() + "/" + o.shardCount() + ")" : ""));
    json.put("command", o.command());
    json.put("machine", m.toJson());
    json.put("mode", o.mode().optionName());
    json.put("seeds", Map.of("first", plan.firstSeed(), "count", plan.seedCount()));
    if (o.sharded()) {
      json.put("shard", Map.of("index", o.shardIndex(), "count", o.shardCount()));
    }
    List<Object> ss = new ArrayList<>();
    for (Section s : sections) {
      ss.add(s.toJson());
    }
    json.put("sections", ss);
    Path file = dir.resolve(RESULTS);
    write(file, json);
    return file;
  }

  /** Renders the report next to {@code results}; returns null, or why it could not. */
  static String render(Path results) {
    try {
      Reports.render(results, results.getParent());
      return null;
    } catch (IOException | RuntimeException e) {
      return e.toString();
    }
  }

  private static void write(Path file, Object json) throws IOException {
    Files.writeString(file, JSON.writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
  }
}
