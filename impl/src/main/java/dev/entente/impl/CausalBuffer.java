package dev.entente.impl;

import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.ReplicaId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
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
  private final DotSet delivered;
  private final TreeMap<Dot, Change> pending = new TreeMap<>();
  // Per replica, the buffered changes waiting for its prefix to reach the key.
  private final Map<ReplicaId, TreeMap<Long, List<Change>>> waiting = new HashMap<>();
  // Buffered changes found ready when added (only a restored or merged buffer has them).
  private final TreeSet<Dot> readyOnArrival = new TreeSet<>();

  CausalBuffer(DotSet delivered) {
    this.delivered = delivered;
  }

  /** Buffers {@code change} (its dot must not be buffered already); returns false if it was. */
  boolean add(Change change) {
    if (pending.putIfAbsent(change.dot(), change) != null) {
      return false;
    }
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

  /** The buffered changes, sorted by dot. */
  Collection<Change> values() {
    return pending.values();
  }

  /** The buffered dots, sorted. */
  Set<Dot> dots() {
    return pending.keySet();
  }

  /** The greatest buffered counter of {@code replica}, 0 if none: O(log n). */
  long maxCounter(ReplicaId replica) {
    Dot last = pending.floorKey(new Dot(replica, Long.MAX_VALUE));
    return last != null && last.replica().equals(replica) ? last.counter() : 0;
  }

  /**
   * Delivers, through {@code deliver}, every buffered change that has become ready (see the class
   * comment for the order), appending each dot to {@code released}. {@code deliver} must add the
   * change's dot to the delivered set before it returns.
   */
  void release(Consumer<Change> deliver, List<Dot> released) {
    TreeSet<Dot> pass = new TreeSet<>(readyOnArrival);
    readyOnArrival.clear();
    for (ReplicaId r : new ArrayList<>(waiting.keySet())) {
      wake(r, pass, pass, null);
    }
    TreeSet<Dot> nextPass = new TreeSet<>();
    while (!pass.isEmpty()) {
      while (!pass.isEmpty()) {
        Dot cursor = pass.pollFirst();
        Change c = pending.remove(cursor);
        deliver.accept(c);
        released.add(cursor);
        wake(cursor.replica(), pass, nextPass, cursor);
      }
      TreeSet<Dot> swap = pass;
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
      ReplicaId replica, TreeSet<Dot> pass, TreeSet<Dot> nextPass, @Nullable Dot cursor) {
    TreeMap<Long, List<Change>> byCounter = waiting.get(replica);
    if (byCounter == null) {
      return;
    }
    NavigableMap<Long, List<Change>> reached =
        byCounter.headMap(delivered.maxPrefix(replica), true);
    if (reached.isEmpty()) {
      return;
    }
    List<Change> woken = new ArrayList<>();
    reached.values().forEach(woken::addAll);
    reached.clear();
    if (byCounter.isEmpty()) {
      waiting.remove(replica);
    }
    for (Change c : woken) {
      if (!fileUnderMissing(c)) {
        (cursor == null || c.dot().compareTo(cursor) > 0 ? pass : nextPass).add(c.dot());
      }
    }
  }

  /** Files {@code change} under a replica whose counter it lacks; false if it lacks none. */
  private boolean fileUnderMissing(Change change) {
    for (Map.Entry<ReplicaId, Long> e : change.seen().entries().entrySet()) {
      if (delivered.maxPrefix(e.getKey()) < e.getValue()) {
        waiting
            .computeIfAbsent(e.getKey(), r -> new TreeMap<>())
            .computeIfAbsent(e.getValue(), n -> new ArrayList<>(1))
            .add(change);
        return true;
      }
    }
    return false;
  }
}
