package dev.entente.campaign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reads the build's quality reports of the checkout into campaign records (experiment {@value
 * QualitySection#ID}): per module, JaCoCo's {@code target/site/jacoco/jacoco.csv} ({@link
 * CoverageMetrics}, variant {@code coverage/<module>}) and PIT's newest {@code
 * target/pit-reports/**}{@code /mutations.xml} ({@link MutationMetrics}, variant {@code
 * mutation/<module>}). It runs nothing: the reports are whatever the last {@code mvn verify} (with
 * the JaCoCo and PIT profiles) left. Stateless.
 */
final class QualityStep {
  private static final Pattern STATUS = Pattern.compile("status='([A-Z_]+)'");
  private static final Pattern DETECTED = Pattern.compile("detected='(true|false)'");

  private QualityStep() {}

  /** The records of every module of {@code root} with a report, and a status record. */
  static List<RunRecord> read(Path root) {
    List<RunRecord> out = new ArrayList<>();
    out.add(null);
    try {
      for (Path module : modules(root)) {
        String name = module.getFileName().toString();
        Path csv = module.resolve("target/site/jacoco/jacoco.csv");
        if (Files.isRegularFile(csv)) {
          out.add(RunRecord.of(QualitySection.ID, "coverage/" + name, 0, out.size(), jacoco(csv)));
        }
        Path xml = newestMutations(module.resolve("target/pit-reports"));
        if (xml != null) {
          out.add(RunRecord.of(QualitySection.ID, "mutation/" + name, 0, out.size(), pit(xml)));
        }
      }
      String found = (out.size() - 1) + " reports under " + root;
      out.set(0, status(out.size() > 1 ? "ran" : "unavailable", found));
      return out;
    } catch (IOException | RuntimeException e) {
      return List.of(status("failed", RunRecord.stackTrace(e)));
    }
  }

  /** The status record of a campaign that did not look for reports. */
  static List<RunRecord> skipped(String reason) {
    return List.of(status("skipped", reason));
  }

  /**
   * JaCoCo's CSV, summed over its rows (one per class); columns found by their header.
   *
   * @throws IllegalArgumentException naming the file if a column is missing or a number is bad
   */
  static CoverageMetrics jacoco(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(csv + ": empty, expected JaCoCo's CSV header");
    }
    List<String> header = List.of(lines.get(0).split(",", -1));
    int[] cols = new int[4];
    String[] names = {"LINE_COVERED", "LINE_MISSED", "BRANCH_COVERED", "BRANCH_MISSED"};
    for (int i = 0; i < names.length; i++) {
      cols[i] = header.indexOf(names[i]);
      if (cols[i] < 0) {
        throw new IllegalArgumentException(csv + ": no column " + names[i]);
      }
    }
    long[] sums = new long[4];
    for (int row = 1; row < lines.size(); row++) {
      String[] cells = lines.get(row).split(",", -1);
      for (int i = 0; i < cols.length && !lines.get(row).isBlank(); i++) {
        try {
          sums[i] += Long.parseLong(cells[cols[i]].strip());
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
          throw new IllegalArgumentException(
              csv + ": line " + (row + 1) + ": bad " + names[i] + ": " + lines.get(row), e);
        }
      }
    }
    return new CoverageMetrics(sums[0], sums[1], sums[2], sums[3]);
  }

  /** PIT's mutations.xml: every {@code <mutation>} element's status and detected flag. */
  static MutationMetrics pit(Path xml) throws IOException {
    String text = Files.readString(xml, StandardCharsets.UTF_8);
    long total = 0;
    long detected = 0;
    long survived = 0;
    long noCoverage = 0;
    for (String element : text.split("<mutation ")) {
      Matcher status = STATUS.matcher(element);
      if (!status.find()) {
        continue;
      }
      total++;
      Matcher d = DETECTED.matcher(element);
      detected += d.find() && d.group(1).equals("true") ? 1 : 0;
      survived += status.group(1).equals("SURVIVED") ? 1 : 0;
      noCoverage += status.group(1).equals("NO_COVERAGE") ? 1 : 0;
    }
    return new MutationMetrics(total, detected, survived, noCoverage);
  }

  /** The checkout's module directories (those with a pom.xml), sorted by name. */
  private static List<Path> modules(Path root) throws IOException {
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).sorted().toList();
    }
  }

  /** The newest mutations.xml under {@code dir} (PIT's timestamped directories sort by time). */
  private static @Nullable Path newestMutations(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return null;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.getFileName().toString().equals("mutations.xml"))
          .max(Path::compareTo)
          .orElse(null);
    }
  }

  private static RunRecord status(String status, @Nullable String reason) {
    return RunRecord.of(
        QualitySection.ID, StepStatus.VARIANT, 0, 0, new StepStatus(status, reason, null));
  }
}
