package dev.entente.campaign;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts finished runs per experiment and prints a line at most every second and when an experiment
 * completes. Thread-safe: {@link #done} is synchronized. Reads the real clock only to pace its
 * output.
 */
@SuppressForbidden
final class Progress {
  private static final long PRINT_EVERY_NANOS = 1_000_000_000L;

  private final Map<String, int[]> perExperiment = new LinkedHashMap<>();
  private final PrintStream err;
  private final int total;
  private int done;
  private long lastPrint = System.nanoTime();

  Progress(List<RunSpec> specs, PrintStream err) {
    this.err = err;
    this.total = specs.size();
    for (RunSpec s : specs) {
      perExperiment.computeIfAbsent(s.experiment(), k -> new int[2])[1]++;
    }
  }

  /** Notes that {@code s} finished with {@code r}; returns {@code r}. */
  synchronized RunRecord done(RunSpec s, RunRecord r) {
    int[] e = perExperiment.get(s.experiment());
    if (e == null) {
      throw new IllegalStateException("a run of " + s.experiment() + " that was never planned");
    }
    e[0]++;
    done++;
    long now = System.nanoTime();
    if (e[0] == e[1] || now - lastPrint > PRINT_EVERY_NANOS) {
      lastPrint = now;
      err.printf(
          Locale.ROOT,
          "  %-10s %4d/%-4d runs   (campaign %d/%d)%n",
          s.experiment(),
          e[0],
          e[1],
          done,
          total);
    }
    return r;
  }
}
