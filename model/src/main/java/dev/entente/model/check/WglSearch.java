package dev.entente.model.check;

import dev.entente.model.history.HistoryOp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One linearizability search over one (sub-)history: the Wing and Gong (1993) depth-first search
 * with Lowe's (2017) memoisation of (linearized set, model state) pairs, as in porcupine's {@code
 * checkSingle}. The search can be suspended after a number of steps and resumed, so that the
 * checker can interleave the searches of independent keys and stop at the first failure. Single
 * use, not thread-safe.
 *
 * <p>Implementation note: calls and returns form one doubly linked list in history order. The
 * search walks it from the head; a call may be linearized if the model accepts it in the current
 * state and the resulting (linearized set, state) pair is new; it is then lifted out of the list
 * (with its return) and the walk restarts. Reaching a return means the pending operations before it
 * cannot be ordered: backtrack. Indeterminate operations have no return: they may be linearized at
 * any point after their call, or never, so the search succeeds once every determinate operation is
 * linearized.
 *
 * <p>Two reductions keep the search small. A legal read-only operation ({@link
 * SequentialModel#isReadOnly}) is linearized at once and never revisited: every other pending
 * operation returns after its call, so moving it to the front of any successful continuation keeps
 * that continuation legal. And equal states are shared, so the memo holds each state once.
 *
 * @param <S> the model's state type
 */
final class WglSearch<S> {
  /** How many distinct states at the furthest point are kept for the explanation. */
  static final int MAX_CANDIDATES = 8;

  private static final int MAX_TRACKED_STATES = 1024;
  private static final int CLOCK_EVERY_STEPS = 1024;

  /** What the search has concluded so far. */
  enum Result {
    LINEARIZABLE,
    NOT_LINEARIZABLE,
    SUSPENDED,
    OUT_OF_TIME
  }

  private static final class Node {
    // Null only in the head sentinel, which is never a call, a return or a search entry.
    private final @Nullable Operation op;
    final boolean call;
    final long position;
    @Nullable Node match;
    // Null only in the head sentinel, which is never unlinked.
    @Nullable Node prev;
    @Nullable Node next;

    Node(@Nullable Operation op, boolean call, long position) {
      this.op = op;
      this.call = call;
      this.position = position;
    }

    Operation op() {
      if (op == null) {
        throw new IllegalStateException("the head sentinel carries no operation");
      }
      return op;
    }

    Node prev() {
      if (prev == null) {
        throw new IllegalStateException("the head sentinel has no predecessor");
      }
      return prev;
    }
  }

  private record Frame<S>(Node call, S before, List<S> candidates, int tried, boolean forced) {}

  private record MemoKey(BitSet linearized, Object state) {}

  private final SequentialModel<S> model;
  private final List<Operation> ops;
  private final Node head = new Node(null, false, -1);
  private final BitSet linearized;
  private final Set<MemoKey> memo = new HashSet<>();
  private final Map<S, S> states = new HashMap<>();
  private final Deque<Frame<S>> stack = new ArrayDeque<>();
  private final boolean[] readOnly;

  private S state;
  private @Nullable Node entry;
  private @Nullable List<S> resume;
  private int resumeFrom;
  private int remaining;
  private Result result = Result.SUSPENDED;
  private long steps;

  private long furthest = -1;
  private @Nullable Operation failing;
  private @Nullable Operation lastGood;
  private int longestPrefix;
  private final Set<S> candidates = new LinkedHashSet<>();

  WglSearch(SequentialModel<S> model, List<Operation> ops) {
    this.model = model;
    this.ops = ops;
    this.linearized = new BitSet(ops.size());
    this.readOnly = new boolean[ops.size()];
    for (Operation op : ops) {
      readOnly[op.id()] = model.isReadOnly(op);
    }
    this.remaining = buildList();
    this.state = model.initialState();
    this.entry = head.next;
  }

  /** Steps taken so far. */
  long steps() {
    return steps;
  }

  /** The current conclusion. */
  Result result() {
    return result;
  }

  /**
   * Searches on for at most {@code maxSteps} more model steps (or until the budget's deadline),
   * then reports where it stands: SUSPENDED if it may be resumed.
   */
  Result advance(long maxSteps, SearchBudget budget) {
    if (result != Result.SUSPENDED) {
      return result;
    }
    long stop = steps + maxSteps;
    while (remaining > 0) {
      if (steps >= stop) {
        return result;
      }
      if (steps % CLOCK_EVERY_STEPS == 0 && budget.pastDeadline()) {
        result = Result.OUT_OF_TIME;
        return result;
      }
      if (entry == null || !entry.call) {
        recordBlocked(entry);
        if (!backtrack()) {
          result = Result.NOT_LINEARIZABLE;
          return result;
        }
      } else {
        tryCall(entry);
      }
    }
    result = Result.LINEARIZABLE;
    return result;
  }

  /** Tries to linearize {@code call}, the current entry, now; advances {@code entry} either way. */
  private void tryCall(Node call) {
    List<S> next = resume;
    int from = resumeFrom;
    resume = null;
    resumeFrom = 0;
    if (next == null) {
      steps++;
      next = model.step(state, call.op());
    }
    int id = call.op().id();
    linearized.set(id);
    for (int i = from; i < next.size(); i++) {
      S candidate = intern(next.get(i));
      MemoKey key = new MemoKey(linearized, candidate);
      if (!memo.contains(key)) {
        memo.add(new MemoKey((BitSet) linearized.clone(), candidate));
        boolean forced = readOnly[id] && next.size() == 1;
        stack.push(new Frame<>(call, state, next, i, forced));
        state = candidate;
        remaining -= call.match != null ? 1 : 0;
        lift(call);
        entry = head.next;
        return;
      }
      if (readOnly[id]) {
        // This configuration was explored before, and a read-only op may go first: it failed.
        linearized.clear(id);
        entry = null;
        return;
      }
    }
    linearized.clear(id);
    entry = call.next;
  }

  /** Undoes the latest choice that may be revisited; false if there is none left. */
  private boolean backtrack() {
    while (!stack.isEmpty()) {
      Frame<S> frame = stack.pop();
      state = frame.before();
      linearized.clear(frame.call().op().id());
      remaining += frame.call().match != null ? 1 : 0;
      unlift(frame.call());
      if (!frame.forced()) {
        entry = frame.call();
        resume = frame.candidates();
        resumeFrom = frame.tried() + 1;
        return true;
      }
    }
    return false;
  }

  private S intern(S s) {
    S existing = states.putIfAbsent(s, s);
    return existing == null ? s : existing;
  }

  /** Links calls and returns in history order; returns the number of determinate operations. */
  private int buildList() {
    List<Node> nodes = new ArrayList<>(2 * ops.size());
    int determinate = 0;
    for (Operation op : ops) {
      Node call = new Node(op, true, op.invocation().index());
      nodes.add(call);
      if (op.outcome() != Operation.Outcome.INFO) {
        call.match = new Node(op, false, completionIndex(op));
        nodes.add(call.match);
        determinate++;
      }
    }
    nodes.sort((a, b) -> Long.compare(a.position, b.position));
    Node prev = head;
    for (Node n : nodes) {
      prev.next = n;
      n.prev = prev;
      prev = n;
    }
    return determinate;
  }

  /** Where a determinate operation completed; an indeterminate one has no completion. */
  private static long completionIndex(Operation op) {
    HistoryOp completion = op.completion();
    if (completion == null) {
      throw new IllegalStateException("operation has no completion: " + op.describe());
    }
    return completion.index();
  }

  private static void lift(Node call) {
    unlink(call);
    if (call.match != null) {
      unlink(call.match);
    }
  }

  private static void unlink(Node n) {
    Node prev = n.prev();
    Node next = n.next;
    prev.next = next;
    if (next != null) {
      next.prev = prev;
    }
  }

  private static void unlift(Node call) {
    if (call.match != null) {
      relink(call.match);
    }
    relink(call);
  }

  private static void relink(Node n) {
    n.prev().next = n;
    Node next = n.next;
    if (next != null) {
      next.prev = n;
    }
  }

  /** Remembers the furthest return the search could not get past, for the explanation. */
  private void recordBlocked(@Nullable Node blocked) {
    if (blocked == null || blocked.position < furthest) {
      return;
    }
    if (blocked.position > furthest) {
      furthest = blocked.position;
      failing = blocked.op();
      candidates.clear();
      longestPrefix = -1;
    }
    Operation stuckAt = failing;
    if (stuckAt != null && stack.size() > longestPrefix) {
      longestPrefix = stack.size();
      lastGood = latestCompleted(stuckAt);
    }
    if (candidates.size() < MAX_TRACKED_STATES) {
      candidates.add(state);
    }
  }

  private @Nullable Operation latestCompleted(Operation stuckAt) {
    @Nullable Operation best = null;
    for (Frame<S> f : stack) {
      Operation op = f.call().op();
      if (op.outcome() != Operation.Outcome.INFO
          && completionIndex(op) < completionIndex(stuckAt)
          && (best == null || completionIndex(op) > completionIndex(best))) {
        best = op;
      }
    }
    return best;
  }

  /** The operation no linearization got past (null unless NOT_LINEARIZABLE). */
  @Nullable Operation failing() {
    return failing;
  }

  /**
   * The latest-completing operation, among those completed before {@link #failing}, linearized on a
   * longest path to it.
   */
  @Nullable Operation lastGood() {
    return lastGood;
  }

  /** Operations linearized on that path. */
  int longestPrefix() {
    return Math.max(longestPrefix, 0);
  }

  /** Up to {@link #MAX_CANDIDATES} states the search was in when stuck at {@link #failing}. */
  List<String> candidates() {
    return candidates.stream().limit(MAX_CANDIDATES).map(model::describe).toList();
  }

  /** The number of distinct such states (capped at an internal limit). */
  int candidateCount() {
    return candidates.size();
  }
}
