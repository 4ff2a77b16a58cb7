package dev.entente.histories.linearizability;

import dev.entente.model.check.LinearizabilityAnalysis;
import dev.entente.model.check.Operation;
import dev.entente.model.check.Values;
import dev.entente.model.check.Verdict;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@link LinearizabilityAnalysis} of a parallel check, worded as the oracle words its
 * own, so that {@code entente check} prints the same kind of line whichever checker ran.
 */
final class Analyses {
  private final String model;

  Analyses(String model) {
    this.model = model;
  }

  /** INVALID on partition {@code key}, from the explaining search of that partition. */
  LinearizabilityAnalysis invalid(
      @Nullable Object key, PartitionSearch<?> search, int operations, int partitions) {
    Blame blame = search.blame();
    Operation failing = blame == null ? null : blame.failing();
    if (blame == null || failing == null) {
      throw new IllegalStateException("an explaining search that failed names no failing op");
    }
    Operation lastGood = blame.lastGood();
    List<String> candidates = blame.candidates(search.model());
    String why =
        "not linearizable"
            + (key == null ? "" : " on key " + Values.print(key))
            + ": cannot linearize "
            + failing.describe()
            + "; last good op: "
            + (lastGood == null ? "none" : lastGood.describe())
            + "; longest linearizable prefix: "
            + blame.longestPrefix()
            + " ops; candidate states ("
            + blame.candidateCount()
            + "): "
            + String.join(", ", candidates)
            + (blame.candidateCount() > candidates.size() ? ", ..." : "");
    return new LinearizabilityAnalysis(
        Verdict.INVALID,
        model,
        key,
        failing,
        lastGood,
        blame.longestPrefix(),
        candidates,
        blame.candidateCount(),
        operations,
        partitions,
        search.steps(),
        why);
  }

  /**
   * UNKNOWN for the first partition whose search ended without a verdict, else VALID; only when no
   * partition was found illegal.
   */
  LinearizabilityAnalysis undecidedOrValid(
      PartitionRun run, List<Object> keys, int operations, long maxSteps) {
    long steps = 0;
    for (int i = 0; i < keys.size(); i++) {
      PartitionRun.Outcome outcome = run.outcome(i);
      if (outcome == null) {
        return unknown(operations, keys.size(), steps, "search died" + onKey(keys.get(i)));
      }
      steps += outcome.steps();
      String why = undecided(outcome, keys.get(i), steps, maxSteps);
      if (why != null) {
        return unknown(operations, keys.size(), steps, why);
      }
    }
    String detail = keys.size() > 1 ? " in " + keys.size() + " independent keys" : "";
    return analysis(
        Verdict.VALID,
        operations,
        keys.size(),
        steps,
        "linearizable: " + operations + " operations" + detail + ", " + steps + " states explored");
  }

  /** UNKNOWN with {@code why}. */
  LinearizabilityAnalysis unknown(int operations, int partitions, long steps, String why) {
    return analysis(Verdict.UNKNOWN, operations, partitions, steps, why);
  }

  private static @Nullable String undecided(
      PartitionRun.Outcome outcome, @Nullable Object key, long steps, long maxSteps) {
    if (outcome.error() != null) {
      return "checker could not run: " + outcome.error();
    }
    return switch (outcome.result()) {
      case LINEARIZABLE -> null;
      case OUT_OF_STEPS -> "search budget of " + maxSteps + " states exhausted" + onKey(key);
      case STOPPED -> "deadline passed after " + steps + " states" + onKey(key);
      case NOT_LINEARIZABLE ->
          throw new IllegalStateException("an illegal partition is reported as INVALID");
    };
  }

  private LinearizabilityAnalysis analysis(
      Verdict verdict, int operations, int partitions, long steps, String why) {
    return new LinearizabilityAnalysis(
        verdict, model, null, null, null, 0, List.of(), 0, operations, partitions, steps, why);
  }

  private static String onKey(@Nullable Object key) {
    return key == null ? "" : " (on key " + Values.print(key) + ")";
  }
}
