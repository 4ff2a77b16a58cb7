package dev.entente.histories.linearizability;

import dev.entente.model.check.CheckResult;
import dev.entente.model.check.Checker;
import dev.entente.model.check.LinearizabilityAnalysis;
import dev.entente.model.check.LinearizabilityChecker;
import dev.entente.model.check.Operation;
import dev.entente.model.check.OperationPairing;
import dev.entente.model.check.SearchBudget;
import dev.entente.model.check.SequentialModel;
import dev.entente.model.check.Verdict;
import dev.entente.model.history.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The linearizability checker {@code entente check} runs: the same verdicts as the model's oracle
 * ({@link LinearizabilityChecker}, which stays the small, obviously correct reference) but built
 * for speed. Thread-safe; never throws from {@link #check} (a model error becomes UNKNOWN).
 *
 * <p>Contract: the history is paired and split into independent partitions exactly as the oracle
 * does it (by {@link SequentialModel#partitionKey}; linearizability is local, Herlihy and Wing
 * 1990); the partitions are searched in parallel, and the search stops at the first illegal one:
 * that is the verdict, and all {@link #verdict} computes; {@link #analyse} goes on to the
 * explanation only after it. The verdict and the explanation do not depend on thread timing ({@link
 * PartitionRun} says why): INVALID names the illegal partition the oracle's round-robin would
 * report, and its explanation comes from a second, explaining search of that partition alone, which
 * blames the operation the oracle blames, in the same words. Otherwise the first partition that ran
 * out of budget or raised an error makes the verdict UNKNOWN. Unlike the oracle's, the step limit
 * applies to each partition.
 */
public final class ParallelLinearizabilityChecker implements Checker<History> {
  private final SequentialModel<?> model;
  private final SearchBudget budget;
  private final int parallelism;
  private final Executor executor;

  /**
   * A checker for {@code model} with {@code budget}, searching on the calling thread and up to
   * {@code parallelism - 1} tasks of {@code executor}.
   */
  public ParallelLinearizabilityChecker(
      SequentialModel<?> model, SearchBudget budget, int parallelism, Executor executor) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
    }
    this.model = model;
    this.budget = budget;
    this.parallelism = parallelism;
    this.executor = executor;
  }

  /** A checker on the shared pool of {@link SearchThreads}, one worker per processor. */
  public ParallelLinearizabilityChecker(SequentialModel<?> model, SearchBudget budget) {
    this(model, budget, SearchThreads.PARALLELISM, SearchThreads::execute);
  }

  @Override
  public CheckResult check(History history) {
    return analyse(history).toResult();
  }

  /** The full analysis; never throws (a model error becomes UNKNOWN). */
  public LinearizabilityAnalysis analyse(History history) {
    Analyses analyses = new Analyses(model.name());
    try {
      return analyseTyped(model, history, analyses);
    } catch (RuntimeException e) {
      return analyses.unknown(0, 0, 0, "checker could not run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return analyses.unknown(0, 0, 0, "checker interrupted");
    }
  }

  /**
   * The verdict alone, as Porcupine's {@code CheckOperations} gives it: the partitions are searched
   * until any one is refuted, and no explanation is computed. Always {@link #analyse}'s verdict;
   * never throws (a model error becomes UNKNOWN).
   */
  public Verdict verdict(History history) {
    Analyses analyses = new Analyses(model.name());
    try {
      Split split = split(model, history);
      if (split.problem() != null) {
        return Verdict.UNKNOWN;
      }
      PartitionRun run = run(model, split);
      run.runToVerdict(parallelism, executor);
      return run.anyIllegal()
          ? Verdict.INVALID
          : analyses.undecidedOrValid(run, split.keys(), 0, budget.maxSteps()).verdict();
    } catch (RuntimeException e) {
      return Verdict.UNKNOWN;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Verdict.UNKNOWN;
    }
  }

  /** A history paired and split into partitions, or the problems that stop it being checked. */
  private record Split(
      List<Object> keys, List<List<Operation>> parts, int operations, @Nullable String problem) {}

  private static Split split(SequentialModel<?> m, History history) {
    OperationPairing.Paired paired = OperationPairing.pair(history, m);
    int operations = paired.operations().size();
    if (!paired.problems().isEmpty()) {
      String problem = "malformed history: " + String.join("; ", paired.problems());
      return new Split(List.of(), List.of(), operations, problem);
    }
    Map<Object, List<Operation>> byKey = LinearizabilityChecker.partitions(m, paired.operations());
    return new Split(
        new ArrayList<>(byKey.keySet()), new ArrayList<>(byKey.values()), operations, null);
  }

  private PartitionRun run(SequentialModel<?> m, Split split) {
    return new PartitionRun(
        split.parts().size(),
        i -> search(m, split.keys().get(i), split.parts().get(i), false),
        budget.maxSteps(),
        deadline());
  }

  /** The verdict first; for INVALID then the oracle's key and its explanation. */
  private LinearizabilityAnalysis analyseTyped(
      SequentialModel<?> m, History history, Analyses analyses) throws InterruptedException {
    Split split = split(m, history);
    String problem = split.problem();
    if (problem != null) {
      return analyses.unknown(split.operations(), 0, 0, problem);
    }
    PartitionRun run = run(m, split);
    run.runToVerdict(parallelism, executor);
    if (!run.anyIllegal()) {
      return analyses.undecidedOrValid(run, split.keys(), split.operations(), budget.maxSteps());
    }
    run.runToReportedKey(parallelism, executor);
    int illegal = run.reportedIllegal();
    Object key = split.keys().get(illegal);
    return analyses.invalid(
        key,
        explain(search(m, key, split.parts().get(illegal), true)),
        split.operations(),
        split.parts().size());
  }

  /**
   * A search of one partition: over the one-key form of the model when there is one ({@link
   * KvCellModel}), which explores the same configurations faster, else over the model itself.
   */
  private static PartitionSearch<?> search(
      SequentialModel<?> m, @Nullable Object key, List<Operation> part, boolean explain) {
    SequentialModel<?> cell = KvCellModel.forPartition(m, key);
    SequentialModel<?> model = cell == null ? m : cell;
    return searchOf(model, part, explain);
  }

  private static <S> PartitionSearch<S> searchOf(
      SequentialModel<S> m, List<Operation> part, boolean explain) {
    return new PartitionSearch<>(m, part, explain);
  }

  /** Runs an explaining search of an illegal partition to its end. */
  private static PartitionSearch<?> explain(PartitionSearch<?> search) {
    PartitionSearch.Result again = search.run(Long.MAX_VALUE, taken -> false);
    if (again != PartitionSearch.Result.NOT_LINEARIZABLE) {
      throw new IllegalStateException(
          "the explaining search of an illegal partition found " + again);
    }
    return search;
  }

  private BooleanSupplier deadline() {
    LongSupplier clock = budget.clock();
    long at = budget.deadlineNanos();
    return clock == null ? () -> false : () -> clock.getAsLong() - at >= 0;
  }
}
