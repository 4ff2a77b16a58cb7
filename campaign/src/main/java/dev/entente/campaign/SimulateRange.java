package dev.entente.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.entente.histories.EdnHistoryWriter;
import dev.entente.histories.JsonLinesHistoryWriter;
import dev.entente.model.check.CheckResult;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.SeedRange;
import dev.entente.simulations.SimulationOptions;
import dev.entente.simulations.check.NamedChecker;
import dev.entente.simulations.driver.RangeSummary;
import dev.entente.simulations.driver.Shrinker;
import dev.entente.simulations.driver.SimulationRunner;
import dev.entente.simulations.plan.Schedule;
import dev.entente.simulations.run.Simulation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One {@code entente simulate} invocation over a seed range: runs every seed with the default
 * checkers, prints each run's lines (or only its last with {@code brief}), shrinks a failing run's
 * schedule when asked, writes a failing run's directory under {@code out} ({@code options.txt},
 * {@code schedule.txt}, {@code shrunk-schedule.txt}, {@code history.edn}, {@code history.jsonl},
 * {@code trace.log}, {@code result.json}), reports progress on stderr and prints the summary of a
 * range. Every run is a pure function of its seed and options; only the progress pacing and the
 * summary's seconds read the real clock. Not thread-safe: one instance per invocation.
 */
public final class SimulateRange {
  private static final int SHRINK_RUNS = 400;

  private final Profile profile;
  private final Overrides overrides;
  private final SeedRange seeds;
  private final boolean brief;
  private final boolean shrink;
  private final @Nullable Path out;
  private final RangeSummary summary;

  /**
   * @param brief print only each run's last line
   * @param shrink shrink a failing run's schedule
   * @param out where failing runs' directories go; null for none
   */
  public SimulateRange(
      Profile profile,
      Overrides overrides,
      SeedRange seeds,
      boolean brief,
      boolean shrink,
      @Nullable Path out) {
    this.profile = profile;
    this.overrides = overrides;
    this.seeds = seeds;
    this.brief = brief;
    this.shrink = shrink;
    this.out = out;
    this.summary = new RangeSummary(profile.optionName(), seeds);
  }

  /** Runs every seed; returns true if every run passed. */
  @SuppressForbidden
  public boolean run(PrintStream stdout, PrintStream err) {
    long total = seeds.size();
    long start = System.nanoTime();
    long lastProgress = start;
    for (long s = seeds.first(); s <= seeds.last(); s++) {
      SimulationOptions options = profile.resolve(s, overrides);
      List<String> lines = new ArrayList<>();
      SimulationRunner.Result r = SimulationRunner.run(options, lines::add);
      summary.add(options, r);
      if (!r.passed()) {
        lines.addAll(lines.size() - 1, failure(options));
      }
      print(stdout, lines);
      long now = System.nanoTime();
      if (total > 1 && (now - lastProgress > 2_000_000_000L || s == seeds.last())) {
        int failed = summary.failedSeeds().size();
        err.printf(Locale.ROOT, "[%d/%d] failed=%d%n", s - seeds.first() + 1, total, failed);
        lastProgress = now;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (total > 1) {
      summary.lines(seconds).forEach(stdout::println);
    }
    return summary.failedSeeds().isEmpty();
  }

  private void print(PrintStream stdout, List<String> lines) {
    if (brief) {
      stdout.println(lines.get(lines.size() - 1));
    } else {
      lines.forEach(stdout::println);
    }
  }

  /** Shrinks and writes files for a failing run; returns lines to print before the last. */
  private List<String> failure(SimulationOptions options) {
    List<String> lines = new ArrayList<>();
    Schedule schedule = Simulation.plan(options);
    Schedule smallest = null;
    if (shrink) {
      Shrinker.Shrunk s = Shrinker.shrink(options, schedule, NamedChecker.defaults(), SHRINK_RUNS);
      smallest = s.schedule();
      lines.add(
          String.format(
              Locale.ROOT,
              "shrunk in %d runs: %d -> %d ops, %d -> %d faults; still %s",
              s.runs(),
              schedule.ops().size(),
              smallest.ops().size(),
              schedule.faults().size(),
              smallest.faults().size(),
              s.check().verdict()));
      for (String line : smallest.describe().split("\n")) {
        lines.add("  " + line);
      }
    }
    if (out != null) {
      try {
        lines.add("files: " + write(out, options, schedule, smallest));
      } catch (IOException e) {
        lines.add("files: cannot write to " + out + ": " + e.getMessage());
      }
    }
    return lines;
  }

  private static Path write(
      Path outDir, SimulationOptions options, Schedule schedule, @Nullable Schedule smallest)
      throws IOException {
    Path dir = outDir.resolve("seed-" + options.seed());
    Files.createDirectories(dir);
    SimulationRunner.Result r =
        SimulationRunner.run(options, schedule, NamedChecker.defaults(), true, line -> {});
    Files.writeString(
        dir.resolve("options.txt"), options.describe() + "\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("schedule.txt"), schedule.describe(), StandardCharsets.UTF_8);
    if (smallest != null) {
      Files.writeString(
          dir.resolve("shrunk-schedule.txt"), smallest.describe(), StandardCharsets.UTF_8);
    }
    new EdnHistoryWriter().write(r.outcome().history(), dir.resolve("history.edn"));
    new JsonLinesHistoryWriter().write(r.outcome().history(), dir.resolve("history.jsonl"));
    Files.write(dir.resolve("trace.log"), r.outcome().trace(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("result.json"), resultJson(options, r), StandardCharsets.UTF_8);
    return dir;
  }

  private static String resultJson(SimulationOptions options, SimulationRunner.Result r)
      throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("schemaVersion", 1);
    json.put("seed", options.seed());
    json.put("options", options.describe());
    json.put("replay", options.replayCommand());
    json.put("passed", r.passed());
    json.put("lastLine", r.lastLine());
    json.put("traceHash", r.outcome().traceHash());
    json.put("stats", r.outcome().stats().describe());
    json.put("check", checkJson(r.check()));
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json)
        + "\n";
  }

  private static Map<String, Object> checkJson(CheckResult c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("checker", c.checker());
    m.put("verdict", c.verdict().name());
    m.put("explanation", c.explanation());
    List<Object> parts = new ArrayList<>();
    for (CheckResult p : c.parts()) {
      parts.add(checkJson(p));
    }
    m.put("parts", parts);
    return m;
  }
}
