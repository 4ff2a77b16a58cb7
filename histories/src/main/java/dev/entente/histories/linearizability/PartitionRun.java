package dev.entente.histories.linearizability;

import dev.entente.model.check.Operation;
import dev.entente.model.check.SequentialModel;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Searches every partition of one history, on the calling thread and up to {@code parallelism - 1}
 * helpers of an executor, each worker claiming the next unsearched partition in order. As soon as
 * partition <i>i</i> is found illegal, partitions after <i>i</i> are skipped or stopped; those
 * before it run on, since one of them may be illegal too.
 *
 * <p>Why the outcome does not depend on thread timing: let <i>L</i> be the first illegal partition.
 * A partition is only stopped when a partition before it was found illegal, so <i>L</i> and every
 * partition before it run to their own conclusion, and each search is a deterministic function of
 * its partition and its step limit. So {@link #firstIllegal} is always <i>L</i>, and when there is
 * no <i>L</i> nothing is stopped and every outcome is the search's own (a deadline excepted, which
 * is a real clock by nature). Single use.
 */
final class PartitionRun<S> {
  /** How one partition's search ended. */
  record Outcome(PartitionSearch.Result result, long steps, @Nullable String error) {}

  private final SequentialModel<S> model;
  private final List<List<Operation>> parts;
  private final long maxSteps;
  private final BooleanSupplier pastDeadline;
  private final AtomicInteger nextPart = new AtomicInteger();
  private final AtomicInteger firstIllegal = new AtomicInteger(Integer.MAX_VALUE);
  private final AtomicReferenceArray<Outcome> outcomes;
  private final CountDownLatch finished;

  PartitionRun(
      SequentialModel<S> model,
      List<List<Operation>> parts,
      long maxSteps,
      BooleanSupplier pastDeadline) {
    this.model = model;
    this.parts = parts;
    this.maxSteps = maxSteps;
    this.pastDeadline = pastDeadline;
    this.outcomes = new AtomicReferenceArray<>(parts.size());
    this.finished = new CountDownLatch(parts.size());
  }

  /**
   * Searches every partition and waits for all of them.
   *
   * @throws InterruptedException if the calling thread is interrupted while helpers still search
   */
  void run(int parallelism, Executor executor) throws InterruptedException {
    int helpers = Math.min(parallelism, parts.size()) - 1;
    for (int i = 0; i < helpers; i++) {
      try {
        executor.execute(this::work);
      } catch (RejectedExecutionException e) {
        break; // The calling thread searches whatever no helper takes.
      }
    }
    work();
    finished.await();
  }

  /** The index of the first illegal partition, or {@link Integer#MAX_VALUE} if none is. */
  int firstIllegal() {
    return firstIllegal.get();
  }

  /** How partition {@code i}'s search ended; null if its worker died of an {@link Error}. */
  @Nullable Outcome outcome(int i) {
    return outcomes.get(i);
  }

  private void work() {
    for (int i = nextPart.getAndIncrement(); i < parts.size(); i = nextPart.getAndIncrement()) {
      try {
        outcomes.set(i, search(i));
      } finally {
        finished.countDown();
      }
    }
  }

  private Outcome search(int i) {
    if (i > firstIllegal.get()) {
      return new Outcome(PartitionSearch.Result.STOPPED, 0, null);
    }
    PartitionSearch<S> search = new PartitionSearch<>(model, parts.get(i), false);
    PartitionSearch.Result result;
    try {
      result = search.run(maxSteps, () -> i > firstIllegal.get() || pastDeadline.getAsBoolean());
    } catch (RuntimeException e) {
      return new Outcome(
          PartitionSearch.Result.STOPPED, search.steps(), String.valueOf(e.getMessage()));
    }
    if (result == PartitionSearch.Result.NOT_LINEARIZABLE) {
      firstIllegal.accumulateAndGet(i, Math::min);
    }
    return new Outcome(result, search.steps(), null);
  }
}
