package dev.entente.histories.linearizability;

import dev.entente.model.check.LinearizabilityChecker;
import java.util.ArrayList;
import java.util.List;
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
 * nature).
 *
 * <p>Verdict first: {@link #runToVerdict} stops every search as soon as any partition is refuted
 * (which one does not matter to the verdict: a refuted partition is refuted whichever worker finds
 * it, and the step limit is each partition's own), parking the searches it stops where they are.
 * Only a caller that wants the explanation then calls {@link #runToReportedKey}, which resumes the
 * parked searches under the rule above, so the two together do no more work than that rule alone.
 * Single use.
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
  // The searches runToVerdict stopped before they had an outcome, to be resumed by
  // runToReportedKey.
  private final Queue<Integer> parked = new ConcurrentLinkedQueue<>();
  private volatile boolean anyIllegalStops;
  // Volatile: a helper still polling the queue after one phase may take work of the next.
  private volatile CountDownLatch finished = new CountDownLatch(0);

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
  }

  /**
   * Searches every partition until one is refuted, or else to its end, and waits for all workers;
   * then {@link #anyIllegal} is the verdict's question answered.
   *
   * @throws InterruptedException if the calling thread is interrupted while helpers still search
   */
  void runToVerdict(int parallelism, Executor executor) throws InterruptedException {
    List<Integer> all = new ArrayList<>(partitions);
    for (int i = 0; i < partitions; i++) {
      all.add(i);
    }
    anyIllegalStops = true;
    runPhase(all, parallelism, executor);
  }

  /**
   * After {@link #runToVerdict}, resumes the searches it parked until {@link #reportedIllegal} is
   * the partition the oracle would report, and waits for all workers.
   *
   * @throws InterruptedException if the calling thread is interrupted while helpers still search
   */
  void runToReportedKey(int parallelism, Executor executor) throws InterruptedException {
    List<Integer> resume = new ArrayList<>(parked);
    parked.clear();
    resume.sort(null);
    anyIllegalStops = false;
    runPhase(resume, parallelism, executor);
  }

  /** True if some partition was refuted. */
  boolean anyIllegal() {
    return best.get() != Long.MAX_VALUE;
  }

  private void runPhase(List<Integer> indices, int parallelism, Executor executor)
      throws InterruptedException {
    finished = new CountDownLatch(indices.size());
    queue.addAll(indices);
    int helpers = Math.min(parallelism, indices.size()) - 1;
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
    if (anyIllegalStops) {
      return true;
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
        stopped(i, 0);
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
    if (result == PartitionSearch.Result.STOPPED) {
      stopped(i, search.steps());
      return true;
    }
    searches.set(i, null);
    outcomes.set(i, new Outcome(result, search.steps(), null));
    return true;
  }

  /**
   * Partition {@code i} was stopped after {@code steps} steps: parked with its search as it is
   * while only the verdict is sought and some partition is refuted, since only then does {@link
   * #runToReportedKey} resume it (a deadline that stopped it stops it again); else that is its
   * outcome. A refutation is never undone, so a search stopped because of one is always parked.
   */
  private void stopped(int i, long steps) {
    if (anyIllegalStops && anyIllegal()) {
      parked.add(i);
    } else {
      searches.set(i, null);
      outcomes.set(i, new Outcome(PartitionSearch.Result.STOPPED, steps, null));
    }
  }

  /** Steps a search may have taken by the end of round {@code round}. */
  private static long cumulative(long round) {
    return round >= 40
        ? Long.MAX_VALUE
        : LinearizabilityChecker.FIRST_SLICE_STEPS * ((1L << (round + 1)) - 1);
  }
}
