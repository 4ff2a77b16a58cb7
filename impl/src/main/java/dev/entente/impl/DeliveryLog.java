package dev.entente.impl;

import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A replica's log of delivered changes, in delivery order, indexed by author and counter so that
 * {@link #since} costs what it returns (plus a lookup per author) rather than a pass over the whole
 * log. Mutable, not thread-safe.
 */
final class DeliveryLog {
  /** A logged change and its position in delivery order (positions only grow). */
  private record Logged(Change change, long position) {}

  private static final Comparator<Logged> BY_POSITION = Comparator.comparingLong(Logged::position);

  private final List<Change> inOrder = new ArrayList<>();
  private final Map<ReplicaId, TreeMap<Long, Logged>> byAuthor = new HashMap<>();
  private long nextPosition;

  /** Appends a delivered change (its dot must not be logged). */
  void add(Change change) {
    byAuthor
        .computeIfAbsent(change.author(), r -> new TreeMap<>())
        .put(change.seq(), new Logged(change, nextPosition++));
    inOrder.add(change);
  }

  /** The logged change with {@code dot}, or null. */
  @Nullable Change get(Dot dot) {
    TreeMap<Long, Logged> mine = byAuthor.get(dot.replica());
    Logged l = mine == null ? null : mine.get(dot.counter());
    return l == null ? null : l.change();
  }

  /** Number of logged changes. */
  int size() {
    return inOrder.size();
  }

  /** The logged changes in delivery order (a read-only view). */
  List<Change> inOrder() {
    return Collections.unmodifiableList(inOrder);
  }

  /** The logged changes {@code remote} does not cover, in delivery order. */
  List<Change> since(VersionVector remote) {
    List<Logged> lacking = new ArrayList<>();
    byAuthor.forEach(
        (author, counters) -> lacking.addAll(counters.tailMap(remote.get(author), false).values()));
    if (lacking.size() == inOrder.size()) {
      return new ArrayList<>(inOrder);
    }
    lacking.sort(BY_POSITION);
    List<Change> out = new ArrayList<>(lacking.size());
    for (Logged l : lacking) {
      out.add(l.change());
    }
    return out;
  }

  /** Drops the changes {@code stable} covers; returns how many. */
  long removeCovered(VersionVector stable) {
    int before = inOrder.size();
    inOrder.removeIf(c -> stable.covers(c.dot()));
    stable
        .entries()
        .forEach(
            (author, n) -> {
              TreeMap<Long, Logged> mine = byAuthor.get(author);
              if (mine != null) {
                SortedMap<Long, Logged> covered = mine.headMap(n, true);
                covered.clear();
                if (mine.isEmpty()) {
                  byAuthor.remove(author);
                }
              }
            });
    return before - inOrder.size();
  }

  /** Drops everything; returns how many changes were logged. */
  int clear() {
    int dropped = inOrder.size();
    inOrder.clear();
    byAuthor.clear();
    return dropped;
  }

  /** Number of changes the index holds (equal to {@link #size()} when the log is sound). */
  int indexedCount() {
    int n = 0;
    for (TreeMap<Long, Logged> counters : byAuthor.values()) {
      n += counters.size();
    }
    return n;
  }
}
