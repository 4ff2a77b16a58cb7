package dev.entente.impl;

import dev.entente.model.Change;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Changes in dot order (author, then counter) without building a {@link dev.entente.model.Dot} per
 * comparison: the order of a {@link ReplicaState}, which a replica produces on every state-gossip
 * tick.
 */
final class SortedChanges {
  /** The order of the changes' dots. */
  static final Comparator<Change> BY_DOT = SortedChanges::compare;

  private SortedChanges() {}

  /** True if every change's dot is greater than the one before it (so no dot repeats). */
  static boolean isStrictlySorted(List<Change> changes) {
    Change previous = null;
    for (Change c : changes) {
      if (c == null || previous != null && compare(previous, c) >= 0) {
        return false;
      }
      previous = c;
    }
    return true;
  }

  /** A sorted copy of {@code changes}. */
  static List<Change> sorted(List<Change> changes) {
    List<Change> out = new ArrayList<>(changes);
    out.sort(BY_DOT);
    return out;
  }

  /** {@code sorted} (in dot order) and {@code more} (in any order) in one list in dot order. */
  static List<Change> merge(List<Change> sorted, List<Change> more) {
    List<Change> added = sorted(more);
    List<Change> out = new ArrayList<>(sorted.size() + added.size());
    int i = 0;
    int j = 0;
    while (i < sorted.size() && j < added.size()) {
      out.add(compare(sorted.get(i), added.get(j)) <= 0 ? sorted.get(i++) : added.get(j++));
    }
    out.addAll(sorted.subList(i, sorted.size()));
    out.addAll(added.subList(j, added.size()));
    return out;
  }

  private static int compare(Change a, Change b) {
    int byAuthor = a.author().compareTo(b.author());
    return byAuthor != 0 ? byAuthor : Long.compare(a.seq(), b.seq());
  }
}
