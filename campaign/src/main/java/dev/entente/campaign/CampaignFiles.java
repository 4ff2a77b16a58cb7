package dev.entente.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.entente.reports.ReportDocument;
import dev.entente.reports.ReportWriter;
import dev.entente.reports.Reports;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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
      CodeSource source = CampaignFiles.class.getProtectionDomain().getCodeSource();
      if (source != null && source.getLocation() != null) {
        Path p = Path.of(source.getLocation().toURI()).toAbsolutePath();
        for (Path d = p; d != null; d = d.getParent()) {
          if (Files.isDirectory(d.resolve("bench")) && Files.isRegularFile(d.resolve("pom.xml"))) {
            return d;
          }
        }
      }
    } catch (URISyntaxException | SecurityException e) {
      // No readable code location: fall through to the working directory.
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

  /** Writes {@code results.json} without a summary; see the other overload. */
  static Path writeResults(Path dir, CampaignOptions o, Machine m, List<ExperimentReport> reports)
      throws IOException {
    return writeResults(dir, o, m, reports, null);
  }

  /**
   * Writes {@code results.json} in the schema {@code reports} reads, with {@code summary} (or none)
   * under its header; returns the file.
   */
  static Path writeResults(
      Path dir,
      CampaignOptions o,
      Machine m,
      List<ExperimentReport> reports,
      @Nullable String summary)
      throws IOException {
    Path file = dir.resolve(RESULTS);
    Files.writeString(
        file, ReportWriter.write(document(o, m, reports, summary)), StandardCharsets.UTF_8);
    return file;
  }

  /** The results document of a campaign without a summary; see the other overload. */
  static ReportDocument document(CampaignOptions o, Machine m, List<ExperimentReport> reports) {
    return document(o, m, reports, null);
  }

  /** The results document of a campaign: one section per experiment report, in order. */
  static ReportDocument document(
      CampaignOptions o, Machine m, List<ExperimentReport> reports, @Nullable String summary) {
    CampaignPlan plan = o.plan();
    String shard =
        o.shard().sharded() ? " (shard " + o.shard().index() + "/" + o.shard().count() + ")" : "";
    List<ReportDocument.Section> sections = new ArrayList<>();
    reports.forEach(r -> sections.add(r.section()));
    return new ReportDocument(
        ReportDocument.SCHEMA_VERSION,
        "Entente campaign" + shard,
        o.command(),
        new ReportDocument.Machine(m.jdk(), m.cores(), m.os(), m.commit(), m.dirty()),
        o.mode().optionName(),
        new ReportDocument.Seeds(plan.firstSeed(), plan.seedCount()),
        summary,
        sections);
  }

  /** Renders the report next to {@code results}; returns null, or why it could not. */
  static @Nullable String render(Path results) {
    try {
      Reports.render(results, directoryOf(results));
      return null;
    } catch (IOException | RuntimeException e) {
      return RunRecord.stackTrace(e);
    }
  }

  /** The directory holding {@code file}: its parent, or the working directory for a bare name. */
  private static Path directoryOf(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null) {
      throw new IllegalArgumentException("no directory holds " + file);
    }
    return parent;
  }

  private static void write(Path file, Object json) throws IOException {
    Files.writeString(file, JSON.writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
  }
}
