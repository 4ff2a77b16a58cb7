package dev.entente.histories.linearizability;

import dev.entente.model.check.LinearizabilityChecker;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Searches every partition of one history, on the calling thread and up to {@code parallelism - 1}
 * helpers of an executor, each worker claiming the next unsearched partition in order, and reports
 * the illegal partition the oracle would report, stopping every search that can no longer change
 * that answer.
 *
 * <p>Which partition is reported: the oracle searches partitions round-robin, giving each open one
 * {@link LinearizabilityChecker#FIRST_SLICE_STEPS} steps in round 0 and twice as many in each next
 * round, and reports the first partition, in history order, that is refuted in the earliest round.
 * A partition that needs <i>s</i> steps to be refuted is refuted in the round whose cumulative
 * slice first exceeds <i>s</i>, so that choice is the least (round, index) over the illegal
 * partitions: a function of each partition's own deterministic search, not of thread timing. Once
 * some partition's rank is known, a search whose steps already place it in a later round (or in the
 * same round at a later index) cannot beat it and is stopped; one that could beat it runs on.
 * Without an illegal partition nothing is stopped (a deadline excepted, which is a real clock by
 * nature). Single use.
 */
final class PartitionRun {
  /** How one partition's search ended; {@code error} is a model error's message, if any. */
  record Outcome(PartitionSearch.Result result, long steps, @Nullable String error) {}

  private final IntFunction<PartitionSearch<?>> searchOf;
  private final int partitions;
  private final long maxSteps;
  private final BooleanSupplier pastDeadline;
  private final Queue<Integer> queue = new ConcurrentLinkedQueue<>();
  private final AtomicReferenceArray<@Nullable PartitionSearch<?>> searches;
  // Each element is read and written only by the worker holding that partition.
  private final int[] rounds;
  // The least (round << 32 | index) of the illegal partitions found so far.
  private final AtomicLong best = new AtomicLong(Long.MAX_VALUE);
  private final AtomicReferenceArray<Outcome> outcomes;
  private final CountDownLatch finished;

  /** A run over {@code partitions} partitions, partition i searched by {@code searchOf(i)}. */
  PartitionRun(
      int partitions,
      IntFunction<PartitionSearch<?>> searchOf,
      long maxSteps,
      BooleanSupplier pastDeadline) {
    this.partitions = partitions;
    this.searchOf = searchOf;
    this.maxSteps = maxSteps;
    this.pastDeadline = pastDeadline;
    this.outcomes = new AtomicReferenceArray<>(partitions);
    this.searches = new AtomicReferenceArray<>(partitions);
    this.rounds = new int[partitions];
    for (int i = 0; i < partitions; i++) {
      queue.add(i);
    }
    this.finished = new CountDownLatch(partitions);
  }

  /**
   * Searches every partition and waits for all of them.
   *
   * @throws InterruptedException if the calling thread is interrupted while helpers still search
   */
  void run(int parallelism, Executor executor) throws InterruptedException {
    int helpers = Math.min(parallelism, partitions) - 1;
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

  /** The index of the illegal partition to report, or {@link Integer#MAX_VALUE} if none is. */
  int reportedIllegal() {
    long b = best.get();
    return b == Long.MAX_VALUE ? Integer.MAX_VALUE : (int) b;
  }

  /** The oracle's round in which a search that needs {@code steps} steps concludes. */
  static long round(long steps) {
    long round = 0;
    while (steps >= cumulative(round)) {
      round++;
    }
    return round;
  }

  /** True if partition {@code i}, after {@code taken} steps, can no longer be the one reported. */
  private boolean cannotWin(int i, long taken) {
    long b = best.get();
    if (b == Long.MAX_VALUE) {
      return false;
    }
    long round = round(taken);
    long bestRound = b >>> 32;
    return round > bestRound || (round == bestRound && i > (int) b);
  }

  /** How partition {@code i}'s search ended; null if its worker died of an {@link Error}. */
  @Nullable Outcome outcome(int i) {
    return outcomes.get(i);
  }

  private void work() {
    for (Integer i = queue.poll(); i != null; i = queue.poll()) {
      boolean done = true;
      try {
        done = slice(i);
      } finally {
        if (done) {
          finished.countDown();
        }
      }
    }
  }

  /**
   * Gives partition {@code i} its next round's slice, as the oracle's round-robin does; true once
   * the partition has its outcome, false if it went back into the queue for another round.
   */
  private boolean slice(int i) {
    PartitionSearch<?> search = searches.get(i);
    if (search == null) {
      if (cannotWin(i, 0)) {
        outcomes.set(i, new Outcome(PartitionSearch.Result.STOPPED, 0, null));
        return true;
      }
      search = searchOf.apply(i);
      searches.set(i, search);
    }
    long sliceEnd = Math.min(cumulative(rounds[i]), maxSteps);
    PartitionSearch.Result result;
    try {
      result = search.run(sliceEnd, taken -> cannotWin(i, taken) || pastDeadline.getAsBoolean());
    } catch (RuntimeException e) {
      outcomes.set(
          i,
          new Outcome(
              PartitionSearch.Result.STOPPED, search.steps(), String.valueOf(e.getMessage())));
      return true;
    }
    if (result == PartitionSearch.Result.OUT_OF_STEPS && search.steps() < maxSteps) {
      rounds[i]++;
      queue.add(i);
      return false;
    }
    if (result == PartitionSearch.Result.NOT_LINEARIZABLE) {
      best.accumulateAndGet((round(search.steps()) << 32) | i, Math::min);
    }
    searches.set(i, null);
    outcomes.set(i, new Outcome(result, search.steps(), null));
    return true;
  }

  /** Steps a search may have taken by the end of round {@code round}. */
  private static long cumulative(long round) {
    return round >= 40
        ? Long.MAX_VALUE
        : LinearizabilityChecker.FIRST_SLICE_STEPS * ((1L << (round + 1)) - 1);
  }
}
