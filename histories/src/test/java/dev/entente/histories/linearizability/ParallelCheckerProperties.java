package dev.entente.histories.linearizability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.model.check.LinearizabilityAnalysis;
import dev.entente.model.check.LinearizabilityChecker;
import dev.entente.model.check.Models;
import dev.entente.model.check.SearchBudget;
import dev.entente.model.check.SequentialModel;
import dev.entente.model.check.Verdict;
import dev.entente.model.history.History;
import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.Keyword;
import dev.entente.model.history.OpType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The parallel checker against the model's oracle on random small histories of the kv map (several
 * keys, so several partitions) and of the etcd register (one partition, failed and indeterminate
 * operations): the same verdict and the same explanation, on one thread and on four, and the same
 * verdict from the verdict-only path.
 */
class ParallelCheckerProperties {
  private static final ExecutorService POOL = Executors.newFixedThreadPool(3);

  @Property(tries = 150)
  void kvHistories_parallelChecker_agreesWithTheOracle(@ForAll long seed) {
    History h = kvHistory(new Random(seed));
    agree(Models.kv(), h);
  }

  @Property(tries = 150)
  void etcdHistories_parallelChecker_agreesWithTheOracle(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int processes) {
    History h = registerHistory(new Random(seed), processes);
    agree(Models.etcd(), h);
  }

  @Property(tries = 20)
  void kvHistories_pastDeadline_sayTheDeadlinePassed(@ForAll long seed) {
    History h = kvHistory(new Random(seed));
    long[] now = {0};
    SearchBudget budget = SearchBudget.defaults().withTimeout(() -> now[0], 1);
    now[0] = 10; // Past the deadline before the search starts: every partition stops at once.
    for (int parallelism : new int[] {1, 4}) {
      LinearizabilityAnalysis a =
          new ParallelLinearizabilityChecker(Models.kv(), budget, parallelism, POOL).analyse(h);
      if (a.operations() > 0) {
        assertThat(a.verdict()).as(a.explanation()).isEqualTo(Verdict.UNKNOWN);
        assertThat(a.explanation()).startsWith("deadline passed after 0 states");
      }
    }
  }

  private static void agree(SequentialModel<?> model, History h) {
    LinearizabilityAnalysis oracle =
        new LinearizabilityChecker(model, SearchBudget.defaults()).analyse(h);
    LinearizabilityAnalysis one =
        new ParallelLinearizabilityChecker(model, SearchBudget.defaults(), 1, Runnable::run)
            .analyse(h);
    LinearizabilityAnalysis four =
        new ParallelLinearizabilityChecker(model, SearchBudget.defaults(), 4, POOL).analyse(h);
    assertThat(one.verdict()).as(oracle.explanation()).isEqualTo(oracle.verdict());
    assertThat(one.explanation()).isEqualTo(oracle.explanation());
    assertThat(four.explanation()).isEqualTo(oracle.explanation());
    assertThat(
            new ParallelLinearizabilityChecker(model, SearchBudget.defaults(), 1, Runnable::run)
                .verdict(h))
        .isEqualTo(oracle.verdict());
    assertThat(
            new ParallelLinearizabilityChecker(model, SearchBudget.defaults(), 4, POOL).verdict(h))
        .isEqualTo(oracle.verdict());
  }

  /** Up to 5 processes on 3 keys; values drawn so that reads are sometimes stale. */
  private static History kvHistory(Random r) {
    Recorder rec = new Recorder();
    Map<Long, Object> open = new HashMap<>();
    int events = 6 + r.nextInt(24);
    for (int e = 0; e < events; e++) {
      long p = r.nextInt(5);
      String key = "k" + r.nextInt(3);
      if (open.containsKey(p)) {
        rec.add(OpType.OK, p, open.remove(p));
        continue;
      }
      int f = r.nextInt(3);
      String value = Integer.toString(r.nextInt(3));
      Object[] inv =
          f == 0
              ? new Object[] {"get", List.of(key, value)}
              : new Object[] {f == 1 ? "put" : "append", List.of(key, value)};
      rec.add(OpType.INVOKE, p, inv);
      open.put(p, inv);
    }
    open.forEach((p, inv) -> rec.add(OpType.OK, p, inv));
    return rec.history();
  }

  /** A register with reads, writes and cas; some fail, some stay indeterminate. */
  private static History registerHistory(Random r, int processes) {
    Recorder rec = new Recorder();
    Map<Long, Object[]> open = new HashMap<>();
    int events = 4 + r.nextInt(20);
    for (int e = 0; e < events; e++) {
      long p = r.nextInt(processes);
      Object[] inv = open.remove(p);
      if (inv != null) {
        OpType end = r.nextInt(6) == 0 ? OpType.INFO : r.nextInt(5) == 0 ? OpType.FAIL : OpType.OK;
        Object[] done = inv[0].equals("read") ? new Object[] {"read", (long) r.nextInt(3)} : inv;
        rec.add(end, p, end == OpType.INFO ? inv : done);
        continue;
      }
      int f = r.nextInt(3);
      inv =
          f == 0
              ? new Object[] {"read", null}
              : f == 1
                  ? new Object[] {"write", (long) r.nextInt(3)}
                  : new Object[] {"cas", List.of((long) r.nextInt(3), (long) r.nextInt(3))};
      rec.add(OpType.INVOKE, p, inv);
      open.put(p, inv);
    }
    return rec.history();
  }

  /** Appends ops with consecutive indices. */
  private static final class Recorder {
    private final List<HistoryOp> ops = new ArrayList<>();

    void add(OpType type, long process, Object fAndValue) {
      Object[] fv = (Object[]) fAndValue;
      ops.add(
          new HistoryOp(
              ops.size(), type, process, Keyword.of((String) fv[0]), fv[1], ops.size(), null));
    }

    History history() {
      return new History(ops);
    }
  }
}
