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
import org.jspecify.annotations.Nullable;

/**
 * A replica's log of delivered changes, in delivery order, indexed by author and counter so that
 * {@link #since} costs what it returns (plus a lookup per author) rather than a pass over the whole
 * log. Mutable, not thread-safe.
 *
 * <p>Each author's index is an {@link AuthorLog}: flat arrays indexed by counter, whatever order
 * the changes arrive in (a far-out counter goes to a tree), so a delivery allocates nothing per
 * change and a lookup is one array read.
 */
final class DeliveryLog {
  /** A logged change and its position in delivery order (positions only grow). */
  record Logged(Change change, long position) {}

  private static final Comparator<Logged> BY_POSITION = Comparator.comparingLong(Logged::position);

  private final List<Change> inOrder = new ArrayList<>();
  private final Map<ReplicaId, AuthorLog> byAuthor = new HashMap<>();
  // The author of the last add and its index: a merge appends one author's run in a row.
  private @Nullable ReplicaId lastAuthor;
  private @Nullable AuthorLog lastLog;
  private long nextPosition;

  /** Appends a delivered change (its dot must not be logged). */
  void add(Change change) {
    ReplicaId author = change.author();
    AuthorLog mine = lastLog;
    if (mine == null || !author.equals(lastAuthor)) {
      mine = byAuthor.computeIfAbsent(author, r -> new AuthorLog());
      lastAuthor = author;
      lastLog = mine;
    }
    mine.add(change, nextPosition++);
    inOrder.add(change);
  }

  /** The logged change with {@code dot}, or null. */
  @Nullable Change get(Dot dot) {
    AuthorLog mine = byAuthor.get(dot.replica());
    return mine == null ? null : mine.get(dot.counter());
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
    int lackingCount = 0;
    for (Map.Entry<ReplicaId, AuthorLog> e : byAuthor.entrySet()) {
      lackingCount += e.getValue().countAbove(remote.get(e.getKey()));
    }
    if (lackingCount == inOrder.size()) {
      return new ArrayList<>(inOrder);
    }
    List<Logged> lacking = new ArrayList<>(lackingCount);
    byAuthor.forEach((author, counters) -> counters.addAbove(remote.get(author), lacking));
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
              AuthorLog mine = byAuthor.get(author);
              if (mine != null) {
                mine.removeUpTo(n);
                if (mine.size() == 0) {
                  byAuthor.remove(author);
                  forgetLast();
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
    forgetLast();
    return dropped;
  }

  private void forgetLast() {
    lastAuthor = null;
    lastLog = null;
  }

  /** Number of changes the index holds (equal to {@link #size()} when the log is sound). */
  int indexedCount() {
    int n = 0;
    for (AuthorLog counters : byAuthor.values()) {
      n += counters.size();
    }
    return n;
  }
}
