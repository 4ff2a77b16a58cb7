package dev.entente.model.check;

import dev.entente.model.Check;
import dev.entente.model.history.History;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks that a history is linearizable with respect to a {@link SequentialModel}: that every
 * operation can be given one instant between its invocation and its completion such that the
 * operations, applied in that order, are legal for the model. Pure and thread-safe (given a
 * thread-safe budget clock); never throws from {@link #check}.
 *
 * <p>Semantics follow knossos: {@code :fail} operations never happened (unless the model {@link
 * SequentialModel#observesFailure observes} the failure), {@code :info} and uncompleted operations
 * may take effect at any point after their invocation or never, nemesis events are ignored.
 *
 * <p>Implementation note: the search is Wing and Gong's (1993) with Lowe's (2017) memoisation, as
 * porcupine implements it (Athalye 2017), see {@link WglSearch}. When every operation names one
 * independent object ({@link SequentialModel#partitionKey}), each object's sub-history is searched
 * on its own: linearizability is local (Herlihy and Wing 1990), and this turns one exponential
 * search into many small ones. A {@link SearchBudget} bounds the work; a search that exceeds it
 * answers UNKNOWN.
 */
public final class LinearizabilityChecker implements Checker<History> {
  /**
   * Steps each key's search gets in the first round-robin turn; doubled every round. Public so that
   * a parallel checker can report the key this checker would report.
   */
  public static final long FIRST_SLICE_STEPS = 10_000;

  private final SequentialModel<?> model;
  private final SearchBudget budget;

  /** A checker for {@code model} with {@code budget}. */
  public LinearizabilityChecker(SequentialModel<?> model, SearchBudget budget) {
    Check.argument(model != null, "model must not be null");
    Check.argument(budget != null, "budget must not be null");
    this.model = model;
    this.budget = budget;
  }

  /** A checker for {@code model} with the default budget. */
  public LinearizabilityChecker(SequentialModel<?> model) {
    this(model, SearchBudget.defaults());
  }

  @Override
  public CheckResult check(History history) {
    return analyse(history).toResult();
  }

  /** The full analysis; never throws (a model error becomes UNKNOWN). */
  public LinearizabilityAnalysis analyse(History history) {
    try {
      return analyseTyped(model, history);
    } catch (RuntimeException e) {
      return unknown(0, 0, 0, "checker could not run: " + e.getMessage());
    }
  }

  private <S> LinearizabilityAnalysis analyseTyped(SequentialModel<S> m, History history) {
    OperationPairing.Paired paired = OperationPairing.pair(history, m);
    List<Operation> ops = paired.operations();
    if (!paired.problems().isEmpty()) {
      return unknown(
          ops.size(), 0, 0, "malformed history: " + String.join("; ", paired.problems()));
    }
    Map<Object, List<Operation>> partitions = partitions(m, ops);
    List<WglSearch<S>> searches = new ArrayList<>();
    for (List<Operation> part : partitions.values()) {
      searches.add(new WglSearch<>(m, part));
    }
    return roundRobin(new ArrayList<>(partitions.keySet()), searches, ops.size());
  }

  /**
   * Searches every key's partition in round-robin, in growing slices, so that a failing key is
   * found without first exhausting the others; {@code keys.get(i)} is the key of {@code
   * searches.get(i)}.
   */
  private <S> LinearizabilityAnalysis roundRobin(
      List<Object> keys, List<WglSearch<S>> searches, int operations) {
    long slice = FIRST_SLICE_STEPS;
    long steps = 0;
    List<Integer> open = new ArrayList<>();
    for (int i = 0; i < searches.size(); i++) {
      open.add(i);
    }
    while (!open.isEmpty()) {
      List<Integer> stillOpen = new ArrayList<>();
      for (int i : open) {
        WglSearch<S> search = searches.get(i);
        long before = search.steps();
        WglSearch.Result r = search.advance(Math.min(slice, budget.maxSteps() - steps), budget);
        steps += search.steps() - before;
        LinearizabilityAnalysis decided =
            decided(r, keys.get(i), search, operations, searches.size(), steps);
        if (decided != null) {
          return decided;
        }
        if (r == WglSearch.Result.SUSPENDED) {
          stillOpen.add(i);
        }
      }
      open = stillOpen;
      slice *= 2;
    }
    return valid(operations, searches.size(), steps);
  }

  /**
   * The analysis that ends the whole search after one key's slice ended in {@code r}, or null when
   * the other keys are still to be searched (this key linearized, or it has budget left).
   */
  private @Nullable LinearizabilityAnalysis decided(
      WglSearch.Result r,
      Object key,
      WglSearch<?> search,
      int operations,
      int partitions,
      long steps) {
    return switch (r) {
      case NOT_LINEARIZABLE -> invalid(key, search, operations, partitions, steps);
      case OUT_OF_TIME ->
          unknown(
              operations,
              partitions,
              steps,
              "deadline passed after " + steps + " states" + onKey(key));
      case SUSPENDED ->
          steps >= budget.maxSteps()
              ? unknown(
                  operations,
                  partitions,
                  steps,
                  "search budget of " + budget.maxSteps() + " states exhausted" + onKey(key))
              : null;
      case LINEARIZABLE -> null;
    };
  }

  private LinearizabilityAnalysis valid(int operations, int partitions, long steps) {
    String detail = partitions > 1 ? " in " + partitions + " independent keys" : "";
    return new LinearizabilityAnalysis(
        Verdict.VALID,
        model.name(),
        null,
        null,
        null,
        0,
        List.of(),
        0,
        operations,
        partitions,
        steps,
        "linearizable: " + operations + " operations" + detail + ", " + steps + " states explored");
  }

  /**
   * The independent sub-histories this checker searches, by key in order of first appearance: the
   * paired {@code ops} without indeterminate read-only operations (they constrain nothing), split
   * by {@link SequentialModel#partitionKey} when every operation has a key (else one partition
   * under the null key), each renumbered from 0. Public so that faster checkers split exactly as
   * the oracle does.
   */
  public static Map<Object, List<Operation>> partitions(SequentialModel<?> m, List<Operation> ops) {
    Map<Object, List<Operation>> out = new LinkedHashMap<>();
    partition(m, relevant(m, ops)).forEach((key, part) -> out.put(key, renumber(part)));
    return out;
  }

  /** Drops indeterminate read-only operations: they constrain nothing. */
  private static List<Operation> relevant(SequentialModel<?> m, List<Operation> ops) {
    List<Operation> out = new ArrayList<>(ops.size());
    for (Operation op : ops) {
      if (op.outcome() != Operation.Outcome.INFO || !m.isReadOnly(op)) {
        out.add(op);
      }
    }
    return out;
  }

  /** Splits by key when every operation has one; else one partition under the null key. */
  private static Map<Object, List<Operation>> partition(SequentialModel<?> m, List<Operation> ops) {
    Map<Object, List<Operation>> byKey = new LinkedHashMap<>();
    for (Operation op : ops) {
      Object key = m.partitionKey(op);
      if (key == null) {
        Map<Object, List<Operation>> whole = new LinkedHashMap<>();
        whole.put(null, ops);
        return whole;
      }
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(op);
    }
    if (byKey.isEmpty()) {
      byKey.put(null, ops);
    }
    return byKey;
  }

  private static List<Operation> renumber(List<Operation> ops) {
    List<Operation> out = new ArrayList<>(ops.size());
    for (Operation op : ops) {
      out.add(op.withId(out.size()));
    }
    return out;
  }

  private static String onKey(Object key) {
    return key == null ? "" : " (on key " + Values.print(key) + ")";
  }

  private LinearizabilityAnalysis invalid(
      Object key, WglSearch<?> search, int operations, int partitions, long steps) {
    StringBuilder s = new StringBuilder("not linearizable");
    if (key != null) {
      s.append(" on key ").append(Values.print(key));
    }
    Operation failing = search.failing();
    if (failing == null) {
      throw new IllegalStateException("a search that found no linearization names no failing op");
    }
    s.append(": cannot linearize ").append(failing.describe());
    s.append("; last good op: ")
        .append(search.lastGood() == null ? "none" : search.lastGood().describe());
    s.append("; longest linearizable prefix: ").append(search.longestPrefix()).append(" ops");
    s.append("; candidate states (").append(search.candidateCount()).append("): ");
    s.append(String.join(", ", search.candidates()));
    if (search.candidateCount() > search.candidates().size()) {
      s.append(", ...");
    }
    return new LinearizabilityAnalysis(
        Verdict.INVALID,
        model.name(),
        key,
        search.failing(),
        search.lastGood(),
        search.longestPrefix(),
        search.candidates(),
        search.candidateCount(),
        operations,
        partitions,
        steps,
        s.toString());
  }

  private LinearizabilityAnalysis unknown(int operations, int partitions, long steps, String why) {
    return new LinearizabilityAnalysis(
        Verdict.UNKNOWN,
        model.name(),
        null,
        null,
        null,
        0,
        List.of(),
        0,
        operations,
        partitions,
        steps,
        why);
  }
}
