package dev.entente.histories.linearizability;

import dev.entente.model.check.CheckResult;
import dev.entente.model.check.Checker;
import dev.entente.model.check.LinearizabilityAnalysis;
import dev.entente.model.check.LinearizabilityChecker;
import dev.entente.model.check.Operation;
import dev.entente.model.check.OperationPairing;
import dev.entente.model.check.SearchBudget;
import dev.entente.model.check.SequentialModel;
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
 * 1990); the partitions are searched in parallel, and the search stops at the first illegal one.
 * The verdict and the explanation do not depend on thread timing ({@link PartitionRun} says why):
 * INVALID names the illegal partition the oracle's round-robin would report, and its explanation
 * comes from a second, explaining search of that partition alone, which blames the operation the
 * oracle blames, in the same words. Otherwise the first partition that ran out of budget or raised
 * an error makes the verdict UNKNOWN. Unlike the oracle's, the step limit applies to each
 * partition.
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

  private <S> LinearizabilityAnalysis analyseTyped(
      SequentialModel<S> m, History history, Analyses analyses) throws InterruptedException {
    OperationPairing.Paired paired = OperationPairing.pair(history, m);
    int operations = paired.operations().size();
    if (!paired.problems().isEmpty()) {
      return analyses.unknown(
          operations, 0, 0, "malformed history: " + String.join("; ", paired.problems()));
    }
    Map<Object, List<Operation>> byKey = LinearizabilityChecker.partitions(m, paired.operations());
    List<Object> keys = new ArrayList<>(byKey.keySet());
    List<List<Operation>> parts = new ArrayList<>(byKey.values());
    PartitionRun run =
        new PartitionRun(
            parts.size(),
            i -> search(m, keys.get(i), parts.get(i), false),
            budget.maxSteps(),
            deadline());
    run.run(parallelism, executor);
    int illegal = run.reportedIllegal();
    if (illegal != Integer.MAX_VALUE) {
      return analyses.invalid(
          keys.get(illegal),
          explain(search(m, keys.get(illegal), parts.get(illegal), true)),
          operations,
          parts.size());
    }
    return analyses.undecidedOrValid(run, keys, operations, budget.maxSteps());
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
