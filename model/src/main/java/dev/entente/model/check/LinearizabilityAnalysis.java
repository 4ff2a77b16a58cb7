package dev.entente.model.check;

import dev.entente.model.Check;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the linearizability checker found, in structured form. Immutable.
 *
 * <p>For {@link Verdict#INVALID}: {@code failingOp} is the operation no linearization could get
 * past (the furthest completion the search reached with that operation still pending), {@code
 * lastGoodOp} the latest-completing operation linearized on a longest path before it (null if
 * none), {@code longestPrefix} the number of operations linearized on that path, and {@code
 * candidateStates} up to eight of the {@code candidateStateCount} model states the search was in
 * when it was stuck there. {@code key} is the partition that failed (null if the history was
 * checked whole). For VALID and UNKNOWN these fields are null, 0 or empty. {@code operations} is
 * the number of client operations checked (failed ones excluded), {@code exploredStates} the number
 * of model steps taken.
 */
public record LinearizabilityAnalysis(
    Verdict verdict,
    String model,
    @Nullable Object key,
    @Nullable Operation failingOp,
    @Nullable Operation lastGoodOp,
    int longestPrefix,
    List<String> candidateStates,
    int candidateStateCount,
    int operations,
    int partitions,
    long exploredStates,
    String explanation) {
  /** Validates and copies. */
  public LinearizabilityAnalysis {
    Check.argument(verdict != null, "verdict must not be null");
    Check.argument(explanation != null, "explanation must not be null");
    Check.argument(
        verdict != Verdict.INVALID || failingOp != null,
        "an INVALID analysis names its failing op");
    candidateStates = List.copyOf(candidateStates);
  }

  /** The result as a {@link CheckResult} named {@code linearizable}. */
  public CheckResult toResult() {
    return new CheckResult("linearizable", verdict, explanation, List.of());
  }
}
