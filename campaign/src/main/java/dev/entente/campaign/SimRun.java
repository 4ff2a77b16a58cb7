package dev.entente.campaign;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How one simulated run ended. Immutable.
 *
 * @param passed whether it passed every check that is not an expected anomaly of its variant
 * @param failedChecks the failing checkers, comma-separated, or empty
 * @param replay the command that reruns it exactly
 * @param marks how often the run hit each coverage mark (by name; marks never hit are absent), as
 *     the build-quality section reports them ({@link QualitySection})
 */
public record SimRun(
    boolean passed, String failedChecks, String replay, SortedMap<String, Long> marks) {
  /** Copies the marks. */
  public SimRun {
    marks = Collections.unmodifiableSortedMap(new TreeMap<>(marks));
  }

  /** A run that recorded no coverage marks. */
  public SimRun(boolean passed, String failedChecks, String replay) {
    this(passed, failedChecks, replay, new TreeMap<>());
  }
}
