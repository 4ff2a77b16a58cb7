package dev.entente.histories.linearizability;

import dev.entente.model.check.Operation;
import dev.entente.model.check.SequentialModel;
import dev.entente.model.history.HistoryOp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongPredicate;
import org.jspecify.annotations.Nullable;

/**
 * One linearizability search over one partition, the same depth-first search as the model's oracle
 * ({@code dev.entente.model.check.WglSearch}: Wing and Gong 1993 with Lowe's 2017 memo of
 * (linearized set, state)) and in the same order, so that it explores the same configurations and,
 * when asked to explain, blames the same operation. What differs is the representation: the list of
 * calls and returns is a pair of int arrays, states are numbers ({@link ModelSteps}, which also
 * remembers transitions), the linearized set is a long[] with an incrementally kept hash, and the
 * memo is a flat table ({@link MemoTable}). Single use, not thread-safe.
 *
 * @param <S> the model's state type
 */
final class PartitionSearch<S> {
  /** What a run concluded. */
  enum Result {
    LINEARIZABLE,
    NOT_LINEARIZABLE,
    OUT_OF_STEPS,
    STOPPED
  }

  /** How often (in steps) the stop condition (deadline, cancellation) is polled. */
  private static final int POLL_EVERY_STEPS = 1024;

  private static final int NIL = -1;

  private final List<Operation> ops;
  private final ModelSteps<S> steps;
  private final boolean[] readOnly;
  // Node 0 is the head sentinel; node 2i+1 is op i's call, 2i+2 its return (if determinate).
  private final int[] next;
  private final int[] prev;
  private final long[] position;
  private final long[] bits;
  private final MemoTable memo;
  private final Stack stack;
  private final @Nullable Blame blame;

  private int state;
  private int hash;
  private int entry;
  private int @Nullable [] resume;
  private int resumeFrom;
  private int remaining;
  private long taken;

  /**
   * A search of {@code ops} (ids dense from 0) under {@code model}; with {@code explain} it also
   * keeps what {@link #blame()} reports, which costs a little on every backtrack.
   */
  PartitionSearch(SequentialModel<S> model, List<Operation> ops, boolean explain) {
    int n = ops.size();
    this.ops = ops;
    this.steps = new ModelSteps<>(model, ops);
    this.readOnly = new boolean[n];
    for (Operation op : ops) {
      readOnly[op.id()] = model.isReadOnly(op);
    }
    this.next = new int[2 * n + 1];
    this.prev = new int[2 * n + 1];
    this.position = new long[2 * n + 1];
    this.bits = new long[(n + 63) >>> 6];
    this.memo = new MemoTable(bits.length);
    this.stack = new Stack(n);
    this.remaining = link();
    this.state = steps.initial();
    this.entry = next[0];
    this.blame = explain ? new Blame() : null;
  }

  /** Model steps taken (the oracle's "states explored"). */
  long steps() {
    return taken;
  }

  /**
   * Searches until a verdict, or until {@code maxSteps} steps are taken, or until {@code stop} says
   * so of the steps taken (polled every {@value #POLL_EVERY_STEPS} steps).
   */
  Result run(long maxSteps, LongPredicate stop) {
    while (remaining > 0) {
      if (taken >= maxSteps) {
        return Result.OUT_OF_STEPS;
      }
      if (taken % POLL_EVERY_STEPS == 0 && stop.test(taken)) {
        return Result.STOPPED;
      }
      if (entry == NIL || !isCall(entry)) {
        if (blame != null) {
          blame.blocked(entry, this);
        }
        if (!backtrack()) {
          return Result.NOT_LINEARIZABLE;
        }
      } else {
        tryCall(entry);
      }
    }
    return Result.LINEARIZABLE;
  }

  /** What the explaining search found; null unless constructed with {@code explain}. */
  @Nullable Blame blame() {
    return blame;
  }

  private void tryCall(int call) {
    int[] after = resume;
    int from = resumeFrom;
    resume = null;
    resumeFrom = 0;
    int id = opOf(call);
    if (after == null) {
      taken++;
      after = steps.after(state, id);
    }
    flip(id);
    for (int i = from; i < after.length; i++) {
      int candidate = after[i];
      if (memo.add(bits, candidate, mix(hash ^ (candidate * 0x9E3779B9)))) {
        boolean forced = readOnly[id] && after.length == 1;
        stack.push(call, state, after, i, forced);
        state = candidate;
        remaining -= hasReturn(call) ? 1 : 0;
        lift(call);
        entry = next[0];
        return;
      }
      if (readOnly[id]) {
        // Explored before, and a read-only operation may always go first: this branch failed.
        flip(id);
        entry = NIL;
        return;
      }
    }
    flip(id);
    entry = next[call];
  }

  private boolean backtrack() {
    while (stack.size() > 0) {
      int top = stack.size() - 1;
      int call = stack.call[top];
      state = stack.before[top];
      flip(opOf(call));
      remaining += hasReturn(call) ? 1 : 0;
      unlift(call);
      stack.pop();
      if (!stack.forced[top]) {
        entry = call;
        resume = stack.after[top];
        resumeFrom = stack.tried[top] + 1;
        return true;
      }
    }
    return false;
  }

  private void flip(int id) {
    bits[id >>> 6] ^= 1L << id;
    hash ^= mix(id + 1);
  }

  /** Links calls and returns in history order; returns the number of determinate operations. */
  private int link() {
    List<Integer> nodes = new ArrayList<>(2 * ops.size());
    int determinate = 0;
    for (Operation op : ops) {
      int call = 2 * op.id() + 1;
      position[call] = op.invocation().index();
      nodes.add(call);
      if (op.outcome() != Operation.Outcome.INFO) {
        position[call + 1] = completionIndex(op);
        nodes.add(call + 1);
        determinate++;
      }
    }
    nodes.sort(Comparator.comparingLong(node -> position[node]));
    Arrays.fill(next, NIL);
    int before = 0;
    for (int node : nodes) {
      next[before] = node;
      prev[node] = before;
      before = node;
    }
    return determinate;
  }

  /** Where a determinate operation completed; an indeterminate one has no completion. */
  static long completionIndex(Operation op) {
    HistoryOp completion = op.completion();
    if (completion == null) {
      throw new IllegalStateException("operation has no completion: " + op.describe());
    }
    return completion.index();
  }

  private void lift(int call) {
    unlink(call);
    if (hasReturn(call)) {
      unlink(call + 1);
    }
  }

  private void unlift(int call) {
    if (hasReturn(call)) {
      relink(call + 1);
    }
    relink(call);
  }

  private void unlink(int node) {
    int after = next[node];
    next[prev[node]] = after;
    if (after != NIL) {
      prev[after] = prev[node];
    }
  }

  private void relink(int node) {
    next[prev[node]] = node;
    int after = next[node];
    if (after != NIL) {
      prev[after] = node;
    }
  }

  private boolean hasReturn(int call) {
    return ops.get(opOf(call)).outcome() != Operation.Outcome.INFO;
  }

  static boolean isCall(int node) {
    return (node & 1) == 1;
  }

  static int opOf(int node) {
    return (node - 1) >>> 1;
  }

  /** A 32-bit finaliser (Murmur3's fmix32): spreads ids and states over the whole hash. */
  private static int mix(int x) {
    int h = x;
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    h ^= h >>> 16;
    return h;
  }

  // For Blame, which reads the search where it is stuck.
  long position(int node) {
    return position[node];
  }

  List<Operation> ops() {
    return ops;
  }

  Stack stack() {
    return stack;
  }

  int state() {
    return state;
  }

  ModelSteps<S> model() {
    return steps;
  }

  /** The search's choices as parallel arrays, deepest last. */
  static final class Stack {
    private static final int[] EMPTY = new int[0];
    final int[] call;
    final int[] before;
    final int[][] after;
    final int[] tried;
    final boolean[] forced;
    private int size;

    Stack(int capacity) {
      call = new int[capacity];
      before = new int[capacity];
      after = new int[capacity][];
      tried = new int[capacity];
      forced = new boolean[capacity];
    }

    void push(int c, int b, int[] a, int t, boolean f) {
      call[size] = c;
      before[size] = b;
      after[size] = a;
      tried[size] = t;
      forced[size] = f;
      size++;
    }

    void pop() {
      after[--size] = EMPTY;
    }

    int size() {
      return size;
    }
  }
}
