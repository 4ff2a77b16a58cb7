package dev.entente.impl;

import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.ReplicaId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The changes a causal replica holds back until their causal past ({@code seen}) is delivered, and
 * their release. Mutable, not thread-safe; it reads the replica's {@link DotSet} of delivered dots
 * and never writes it (the replica's delivery callback does).
 *
 * <p>Contract of {@link #release}: it delivers exactly the changes, in exactly the order, that
 * repeated passes over the buffer in dot order would, each pass delivering every change that is
 * ready when the pass reaches it, until a pass delivers nothing. It does so without rescanning:
 * each buffered change waits on one replica's counter it still lacks, filed under that replica by
 * the counter it needs, and is looked at again only when that replica's delivered prefix reaches
 * it. A change becoming ready after the pass went past its dot goes to the next pass, one after it
 * stays in this one. Cost per change: O(log n) per replica its {@code seen} names.
 */
final class CausalBuffer {
  // Dot's natural order, comparing counters straight away when the replicas are equal (the common
  // case here: a replica's changes queue behind each other), not through the comparator chain.
  private static final Comparator<Dot> DOT_ORDER =
      (a, b) ->
          a.replica().equals(b.replica())
              ? Long.compare(a.counter(), b.counter())
              : a.replica().compareTo(b.replica());

  private final DotSet delivered;
  // Hashed, not sorted: at a million buffered changes a tree's depth in cache misses dominated.
  private final Map<Dot, Change> pending = new HashMap<>();
  // Per replica the greatest counter ever buffered: each is still buffered or since delivered.
  private final Map<ReplicaId, Long> maxBuffered = new HashMap<>();
  // Per replica, the buffered changes waiting for its prefix to reach a counter.
  private final Map<ReplicaId, Waiters> waiting = new HashMap<>();
  // Buffered changes found ready when added (only a restored or merged buffer has them).
  private final List<Dot> readyOnArrival = new ArrayList<>();

  CausalBuffer(DotSet delivered) {
    this.delivered = delivered;
  }

  /** Buffers {@code change} (its dot must not be buffered already); returns false if it was. */
  boolean add(Change change) {
    if (pending.putIfAbsent(change.dot(), change) != null) {
      return false;
    }
    maxBuffered.merge(change.author(), change.seq(), Math::max);
    if (!fileUnderMissing(change)) {
      readyOnArrival.add(change.dot());
    }
    return true;
  }

  /** The buffered change with {@code dot}, or null. */
  @Nullable Change get(Dot dot) {
    return pending.get(dot);
  }

  boolean isEmpty() {
    return pending.isEmpty();
  }

  int size() {
    return pending.size();
  }

  /** The buffered changes, sorted by dot (a copy: O(n log n)). */
  List<Change> values() {
    List<Change> out = new ArrayList<>(pending.values());
    out.sort((a, b) -> DOT_ORDER.compare(a.dot(), b.dot()));
    return out;
  }

  /** The buffered changes in no particular order (a view). */
  Collection<Change> unordered() {
    return pending.values();
  }

  /** The buffered dots, sorted (a copy). */
  Set<Dot> dots() {
    TreeSet<Dot> out = new TreeSet<>(DOT_ORDER);
    out.addAll(pending.keySet());
    return out;
  }

  /**
   * Drops every buffered change whose dot has been delivered some other way (a merged snapshot
   * delivers dots wholesale): they are held, no longer pending. Rebuilds the waiting lists from
   * what remains, O(n); the greatest counters ever buffered are kept.
   */
  void dropDelivered() {
    List<Change> keep = new ArrayList<>();
    for (Change c : pending.values()) {
      if (!delivered.contains(c.dot())) {
        keep.add(c);
      }
    }
    pending.clear();
    waiting.clear();
    readyOnArrival.clear();
    for (Change c : keep) {
      add(c);
    }
  }

  /**
   * The greatest counter of {@code replica} ever buffered, 0 if none: O(1). It may since have been
   * delivered, so it bounds the buffered counters from above and, with the delivered set's greatest
   * counter, gives the greatest counter held either way.
   */
  long maxCounterEverBuffered(ReplicaId replica) {
    return maxBuffered.getOrDefault(replica, 0L);
  }

  /**
   * Delivers, through {@code deliver}, every buffered change that has become ready (see the class
   * comment for the order), appending each dot to {@code released}. {@code deliver} must add the
   * change's dot to the delivered set before it returns.
   */
  void release(Consumer<Change> deliver, List<Dot> released) {
    PriorityQueue<Dot> pass = new PriorityQueue<>(DOT_ORDER);
    pass.addAll(readyOnArrival);
    readyOnArrival.clear();
    for (ReplicaId r : new ArrayList<>(waiting.keySet())) {
      wake(r, pass, pass, null);
    }
    // Dot order, not arrival order, decides who goes first: the waiters' buckets are unordered.
    PriorityQueue<Dot> nextPass = new PriorityQueue<>(DOT_ORDER);
    while (!pass.isEmpty()) {
      while (!pass.isEmpty()) {
        Dot cursor = pass.poll();
        Change c = pending.remove(cursor);
        deliver.accept(c);
        released.add(cursor);
        wake(cursor.replica(), pass, nextPass, cursor);
      }
      PriorityQueue<Dot> swap = pass;
      pass = nextPass;
      nextPass = swap;
    }
  }

  /**
   * Looks again at the changes waiting on {@code replica}'s prefix, now that it may have grown: the
   * ready ones go to {@code pass} if their dot is after {@code cursor} (or there is none), else to
   * {@code nextPass}; the others wait on another counter they lack.
   */
  private void wake(
      ReplicaId replica,
      PriorityQueue<Dot> pass,
      PriorityQueue<Dot> nextPass,
      @Nullable Dot cursor) {
    Waiters waiters = waiting.get(replica);
    if (waiters == null) {
      return;
    }
    List<Change> woken = waiters.reached(delivered.maxPrefix(replica));
    for (Change c : woken) {
      if (!fileUnderMissing(c)) {
        (cursor == null || DOT_ORDER.compare(c.dot(), cursor) > 0 ? pass : nextPass).add(c.dot());
      }
    }
  }

  /**
   * Files {@code change} under the replica whose counter it lacks most (likeliest to come last, so
   * it is looked at again least often); false if it lacks none.
   */
  private boolean fileUnderMissing(Change change) {
    ReplicaId furthest = null;
    long gap = 0;
    long needed = 0;
    for (Map.Entry<ReplicaId, Long> e : change.seen().entries().entrySet()) {
      long lacking = e.getValue() - delivered.maxPrefix(e.getKey());
      if (lacking > gap) {
        furthest = e.getKey();
        gap = lacking;
        needed = e.getValue();
      }
    }
    if (furthest == null) {
      return false;
    }
    long prefix = delivered.maxPrefix(furthest);
    waiting.computeIfAbsent(furthest, r -> new Waiters(prefix)).add(needed, change);
    return true;
  }

  /**
   * The changes waiting on one replica, bucketed by the counter they need. Every bucket is above
   * {@code woken}, the prefix up to which they were last looked at, so waking after the prefix grew
   * by k costs min(k, buckets) lookups, not a search.
   */
  private static final class Waiters {
    private final Map<Long, List<Change>> byCounter = new HashMap<>();
    private long woken;

    Waiters(long prefix) {
      woken = prefix;
    }

    void add(long counter, Change change) {
      byCounter.computeIfAbsent(counter, n -> new ArrayList<>(1)).add(change);
    }

    /** Removes and returns the changes whose counter {@code prefix} reaches. */
    List<Change> reached(long prefix) {
      List<Change> out = new ArrayList<>();
      if (prefix <= woken) {
        return out;
      }
      if (prefix - woken <= byCounter.size()) {
        for (long n = woken + 1; n <= prefix; n++) {
          List<Change> bucket = byCounter.remove(n);
          if (bucket != null) {
            out.addAll(bucket);
          }
        }
      } else {
        byCounter
            .entrySet()
            .removeIf(
                e -> {
                  if (e.getKey() > prefix) {
                    return false;
                  }
                  out.addAll(e.getValue());
                  return true;
                });
      }
      woken = prefix;
      return out;
    }
  }
}
