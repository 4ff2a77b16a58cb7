package dev.entente.tla;

import java.util.List;
import java.util.Objects;

/**
 * What one TLC run found. Immutable.
 *
 * @param outcome how the run ended
 * @param violated the name of the violated invariant or property; empty if none or if TLC did not
 *     name it
 * @param statesGenerated states generated, or -1 if TLC did not report it
 * @param distinctStates distinct states found, or -1 if TLC did not report it
 * @param depth the depth of the state graph search, or for a violation the length of the
 *     counterexample; -1 if unknown
 * @param wallTimeMillis wall-clock time of the child process
 * @param trace the counterexample, empty if none
 * @param backToState for a liveness counterexample that ends in a loop, the number of the state the
 *     loop returns to; 0 if none
 * @param errors TLC's error messages (message text without the tool-mode markers), if any
 */
public record TlcResult(
    TlcOutcome outcome,
    String violated,
    long statesGenerated,
    long distinctStates,
    int depth,
    long wallTimeMillis,
    List<TraceState> trace,
    int backToState,
    List<String> errors) {
  /** Validates and copies. */
  public TlcResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(violated, "violated");
    trace = List.copyOf(trace);
    errors = List.copyOf(errors);
  }

  /** The same result with a different wall time (the parser does not know it). */
  public TlcResult withWallTimeMillis(long millis) {
    return new TlcResult(
        outcome,
        violated,
        statesGenerated,
        distinctStates,
        depth,
        millis,
        trace,
        backToState,
        errors);
  }

  /** A one-line summary, for example {@code INVARIANT_VIOLATED(Convergence)}. */
  public String outcomeLabel() {
    return violated.isEmpty() ? outcome.name() : outcome.name() + "(" + violated + ")";
  }
}
