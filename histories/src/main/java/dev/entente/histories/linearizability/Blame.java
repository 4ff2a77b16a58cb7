package dev.entente.histories.linearizability;

import dev.entente.model.check.Operation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an explaining {@link PartitionSearch} learnt about where it got stuck, kept exactly as the
 * oracle keeps it: the furthest return no linearization got past (its operation is the failing
 * one), the longest linearized path that reached it, the latest-completing operation on that path
 * that completed before the failing one, and the distinct states the search was in there. Only the
 * explaining rerun of an illegal partition keeps one, so the verdict's search pays nothing.
 */
final class Blame {
  /** How many distinct states at the furthest point are reported. */
  static final int MAX_CANDIDATES = 8;

  private static final int MAX_TRACKED_STATES = 1024;

  private long furthest = -1;
  private @Nullable Operation failing;
  private @Nullable Operation lastGood;
  private int longestPrefix;
  private final Set<Integer> candidates = new LinkedHashSet<>();

  /** Records that {@code search} cannot get past {@code node} (a return, or none at the end). */
  void blocked(int node, PartitionSearch<?> search) {
    if (node < 0 || search.position(node) < furthest) {
      return;
    }
    if (search.position(node) > furthest) {
      furthest = search.position(node);
      failing = search.ops().get(PartitionSearch.opOf(node));
      candidates.clear();
      longestPrefix = -1;
    }
    Operation stuckAt = failing;
    int depth = search.stack().size();
    if (stuckAt != null && depth > longestPrefix) {
      longestPrefix = depth;
      lastGood = latestCompleted(stuckAt, search);
    }
    if (candidates.size() < MAX_TRACKED_STATES) {
      candidates.add(search.state());
    }
  }

  private static @Nullable Operation latestCompleted(Operation stuckAt, PartitionSearch<?> search) {
    PartitionSearch.Stack stack = search.stack();
    long limit = PartitionSearch.completionIndex(stuckAt);
    @Nullable Operation best = null;
    long bestAt = Long.MIN_VALUE;
    for (int i = stack.size() - 1; i >= 0; i--) {
      Operation op = search.ops().get(PartitionSearch.opOf(stack.call[i]));
      if (op.outcome() == Operation.Outcome.INFO) {
        continue;
      }
      long at = PartitionSearch.completionIndex(op);
      if (at < limit && (best == null || at > bestAt)) {
        best = op;
        bestAt = at;
      }
    }
    return best;
  }

  /** The operation no linearization got past (null if the search never got stuck on one). */
  @Nullable Operation failing() {
    return failing;
  }

  /** The latest-completing operation before {@link #failing} on a longest path to it. */
  @Nullable Operation lastGood() {
    return lastGood;
  }

  /** Operations linearized on that path. */
  int longestPrefix() {
    return Math.max(longestPrefix, 0);
  }

  /** Up to {@link #MAX_CANDIDATES} of the states the search was in there, described. */
  List<String> candidates(ModelSteps<?> steps) {
    return candidates.stream().limit(MAX_CANDIDATES).map(steps::describe).toList();
  }

  /** The number of distinct such states (capped at an internal limit). */
  int candidateCount() {
    return candidates.size();
  }
}
