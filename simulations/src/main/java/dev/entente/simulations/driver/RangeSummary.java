package dev.entente.simulations.driver;

import dev.entente.simulations.RunStats;
import dev.entente.simulations.SeedRange;
import dev.entente.simulations.SimulationOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tally of a range of runs, per sync variant, and the summary table {@code entente simulate
 * --seeds} prints at its end: runs, failures, events, messages and bytes per run, and the longest
 * convergence. The caller measures the wall time (the simulator never reads a clock). Mutable, not
 * thread-safe.
 */
public final class RangeSummary {
  private final String profile;
  private final SeedRange seeds;
  private final Map<String, Row> bySync = new TreeMap<>();
  private final List<Long> failed = new ArrayList<>();
  private long events;

  /** An empty tally of the runs of {@code seeds} under {@code profile}. */
  public RangeSummary(String profile, SeedRange seeds) {
    this.profile = profile;
    this.seeds = seeds;
  }

  /** Counts one run. */
  public void add(SimulationOptions options, SimulationRunner.Result r) {
    RunStats st = r.outcome().stats();
    events += st.events();
    Row row = bySync.computeIfAbsent(options.sync().optionName(), k -> new Row());
    row.runs++;
    row.failed += r.passed() ? 0 : 1;
    row.events += st.events();
    row.messages += st.messages();
    row.bytes += st.bytes();
    row.maxConvergenceTicks = Math.max(row.maxConvergenceTicks, st.convergenceTicks());
    if (!r.passed()) {
      failed.add(options.seed());
    }
  }

  /** The seeds whose run failed, in the order they ran. */
  public List<Long> failedSeeds() {
    return List.copyOf(failed);
  }

  /** The summary's lines (the first blank), given the range's wall time in seconds. */
  public List<String> lines(double seconds) {
    List<String> out = new ArrayList<>();
    long total = seeds.size();
    out.add("");
    out.add(
        String.format(
            Locale.ROOT,
            "summary: profile=%s seeds=%d..%d runs=%d passed=%d failed=%d",
            profile,
            seeds.first(),
            seeds.last(),
            total,
            total - failed.size(),
            failed.size()));
    out.add(
        String.format(
            Locale.ROOT,
            "%-10s %6s %7s %11s %10s %10s %14s",
            "sync",
            "runs",
            "failed",
            "events/run",
            "msgs/run",
            "KiB/run",
            "max-conv-ticks"));
    bySync.forEach((name, row) -> out.add(row.line(name)));
    if (!failed.isEmpty()) {
      out.add("failed seeds: " + failed);
    }
    out.add(
        String.format(
            Locale.ROOT,
            "wall %.2f s: %.0f simulated events/s, %.0f runs/min (one thread)",
            seconds,
            events / seconds,
            total * 60 / seconds));
    return out;
  }

  /** The counters of one sync variant. */
  private static final class Row {
    long runs;
    long failed;
    long events;
    long messages;
    long bytes;
    long maxConvergenceTicks;

    String line(String name) {
      return String.format(
          Locale.ROOT,
          "%-10s %6d %7d %11d %10d %10.1f %14d",
          name,
          runs,
          failed,
          events / runs,
          messages / runs,
          bytes / 1024.0 / runs,
          maxConvergenceTicks);
    }
  }
}
