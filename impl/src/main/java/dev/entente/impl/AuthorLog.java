package dev.entente.impl;

import dev.entente.model.Change;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One author's part of the {@link DeliveryLog}: its logged changes by counter, each with its
 * position in delivery order. Mutable, not thread-safe.
 *
 * <p>A change whose counter is above every counter in the flat arrays is appended to them (no
 * allocation per change, binary search for lookups); a change delivered out of counter order (LWW
 * only) goes to a tree instead, so no insertion ever shifts the arrays. The two parts never hold
 * the same counter, because a dot is logged at most once.
 */
final class AuthorLog {
  private static final int FIRST_CAPACITY = 8;

  private long[] counters = new long[FIRST_CAPACITY];
  private long[] positions = new long[FIRST_CAPACITY];
  private @Nullable Change[] changes = new Change[FIRST_CAPACITY];
  // The live entries of the arrays are [start, end); removeUpTo moves start forward.
  private int start;
  private int end;
  private @Nullable TreeMap<Long, DeliveryLog.Logged> outOfOrder;

  /** Logs {@code change} (its counter must not be logged) at {@code position}. */
  void add(Change change, long position) {
    long counter = change.seq();
    if (end > start && counter < counters[end - 1]) {
      if (outOfOrder == null) {
        outOfOrder = new TreeMap<>();
      }
      outOfOrder.put(counter, new DeliveryLog.Logged(change, position));
      return;
    }
    if (end == counters.length) {
      grow();
    }
    counters[end] = counter;
    positions[end] = position;
    changes[end] = change;
    end++;
  }

  /** The logged change with {@code counter}, or null. */
  @Nullable Change get(long counter) {
    int i = Arrays.binarySearch(counters, start, end, counter);
    if (i >= 0) {
      return changes[i];
    }
    DeliveryLog.Logged l = outOfOrder == null ? null : outOfOrder.get(counter);
    return l == null ? null : l.change();
  }

  /** Number of logged changes with a counter above {@code floor}. */
  int countAbove(long floor) {
    int n = end - firstAbove(floor);
    return outOfOrder == null ? n : n + outOfOrder.tailMap(floor, false).size();
  }

  /** Adds the logged changes with a counter above {@code floor} to {@code out}, in no order. */
  void addAbove(long floor, List<DeliveryLog.Logged> out) {
    for (int i = firstAbove(floor); i < end; i++) {
      out.add(new DeliveryLog.Logged(entry(i), positions[i]));
    }
    if (outOfOrder != null) {
      out.addAll(outOfOrder.tailMap(floor, false).values());
    }
  }

  /** Drops the logged changes with a counter of at most {@code n}. */
  void removeUpTo(long n) {
    int keep = firstAbove(n);
    Arrays.fill(changes, start, keep, null);
    start = keep;
    if (outOfOrder != null) {
      outOfOrder.headMap(n, true).clear();
      if (outOfOrder.isEmpty()) {
        outOfOrder = null;
      }
    }
  }

  /** Number of logged changes. */
  int size() {
    return end - start + (outOfOrder == null ? 0 : outOfOrder.size());
  }

  private Change entry(int i) {
    Change c = changes[i];
    if (c == null) {
      throw new IllegalStateException("author log entry " + i + " is empty");
    }
    return c;
  }

  /** The index of the first live array entry with a counter above {@code floor}. */
  private int firstAbove(long floor) {
    int i = Arrays.binarySearch(counters, start, end, floor);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** Makes room at the end: drops the removed head, and doubles the arrays if still half full. */
  private void grow() {
    int live = end - start;
    int capacity = live * 2 > counters.length ? counters.length * 2 : counters.length;
    counters = Arrays.copyOfRange(counters, start, start + capacity);
    positions = Arrays.copyOfRange(positions, start, start + capacity);
    changes = Arrays.copyOfRange(changes, start, start + capacity);
    start = 0;
    end = live;
  }
}
