package dev.entente.campaign;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The campaign's Jepsen run ({@link JepsenStep}): real node processes on loopback under real
 * faults, judged by the simulator's checkers. Not a pure function of its seed: the seed fixes the
 * clients' and the nemesis' choices, the processes' timing is real. Immutable.
 *
 * @param nodes node processes
 * @param seconds seconds of clients and faults before the heal
 * @param protocol the nodes' sync protocol
 * @param faultFamilies the families the nemesis drew from, comma-separated
 * @param faults fault windows injected, by family ({@code kill} counts SIGKILLs and restarts)
 * @param verdict {@code VALID}, {@code INVALID} or {@code UNKNOWN}
 * @param clientOps client operations in the history
 * @param historyOps every operation of the history, nemesis ops and completions included
 * @param anomalies every checker that did not pass, as {@code checker VERDICT: explanation}
 * @param replay the command that reruns it with the same choices
 * @param dir the run directory (history.edn, results.edn, timeline.html, logs)
 */
public record JepsenMetrics(
    int nodes,
    int seconds,
    String protocol,
    String faultFamilies,
    SortedMap<String, Long> faults,
    String verdict,
    long clientOps,
    long historyOps,
    List<String> anomalies,
    String replay,
    String dir)
    implements Metrics {
  /** Copies the collections. */
  public JepsenMetrics {
    faults = Collections.unmodifiableSortedMap(new TreeMap<>(faults));
    anomalies = List.copyOf(anomalies);
  }

  /** Fault windows of every family. */
  public long faultCount() {
    return faults.values().stream().mapToLong(Long::longValue).sum();
  }
}
