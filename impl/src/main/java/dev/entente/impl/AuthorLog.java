package dev.entente.impl;

import dev.entente.model.Change;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One author's part of the {@link DeliveryLog}: its logged changes by counter, each with its
 * position in delivery order. Mutable, not thread-safe.
 *
 * <p>Counters are dense (an author numbers its changes 1, 2, 3, ...), so they index a window of
 * flat arrays directly: slot {@code i} holds counter {@code base + i}, in any arrival order, with
 * no allocation per change and one array read per lookup. The window grows (doubling, either way)
 * only while the counters it would span stay within a constant factor of the changes it holds
 * (taking in the tree's counters it then covers); a counter further out (a forged or far-ahead one)
 * goes to a tree instead, so memory stays linear in the changes logged whatever the counters. The
 * two parts never hold the same counter, because a dot is logged at most once.
 */
final class AuthorLog {
  private static final int FIRST_CAPACITY = 8;
  // A window may span at most DENSITY times the changes it holds, plus SLACK counters: sparse
  // enough for the first changes of a shuffled replay, dense enough that memory stays linear.
  private static final int DENSITY = 8;
  private static final int SLACK = 64;
  // Counters above this always go to the tree: with every windowed counter at most 2^62 and the
  // window at most a few billion slots wide, base, base + capacity and counter + 1 cannot
  // overflow. (Real authors never get near it; a forged counter near Long.MAX_VALUE could.)
  static final long WINDOW_LIMIT = 1L << 62;

  private long base;
  private @Nullable Change[] changes = new Change[FIRST_CAPACITY];
  private long[] positions = new long[FIRST_CAPACITY];
  // Filled slots lie in [low, top); dense counts them (top - low when there are no holes).
  private int low;
  private int top;
  private int dense;
  private @Nullable TreeMap<Long, DeliveryLog.Logged> far;

  /** Logs {@code change} (its counter must not be logged) at {@code position}. */
  void add(Change change, long position) {
    long counter = change.seq();
    if (counter > WINDOW_LIMIT) {
      addFar(change, position);
      return;
    }
    if (dense == 0) {
      base = counter;
      low = 0;
      top = 0;
    }
    long slot = counter - base;
    if (slot < 0 || slot >= changes.length) {
      if (!regrow(counter)) {
        addFar(change, position);
        return;
      }
      slot = counter - base;
    }
    int i = (int) slot;
    changes[i] = change;
    positions[i] = position;
    dense++;
    low = dense == 1 ? i : Math.min(low, i);
    top = dense == 1 ? i + 1 : Math.max(top, i + 1);
  }

  private void addFar(Change change, long position) {
    if (far == null) {
      far = new TreeMap<>();
    }
    far.put(change.seq(), new DeliveryLog.Logged(change, position));
  }

  /**
   * Moves the window so that it covers {@code counter} as well as every filled slot, if the span
   * stays within bounds; false (nothing changed) if it would not.
   */
  private boolean regrow(long counter) {
    long lo = Math.min(base + low, counter);
    long hi = Math.max(base + top, counter + 1);
    long span = hi - lo;
    if (span > (long) DENSITY * (size() + 1) + SLACK) {
      return false;
    }
    int capacity = (int) Math.max(FIRST_CAPACITY, 2 * span);
    // The span in the middle, with room on both sides: growth is geometric whichever way the
    // next counters fall, so arrivals alternating below and above cost amortised O(1), not a copy.
    long newBase = lo - (capacity - span) / 2;
    int shift = (int) (base + low - newBase);
    @Nullable Change[] movedChanges = new Change[capacity];
    long[] movedPositions = new long[capacity];
    System.arraycopy(changes, low, movedChanges, shift, top - low);
    System.arraycopy(positions, low, movedPositions, shift, top - low);
    changes = movedChanges;
    positions = movedPositions;
    top = shift + (top - low);
    low = shift;
    base = newBase;
    if (far != null) {
      adoptFar();
    }
    return true;
  }

  /** Moves the tree's changes whose counters the window now covers into it. */
  private void adoptFar() {
    TreeMap<Long, DeliveryLog.Logged> tree = Objects.requireNonNull(far);
    Map<Long, DeliveryLog.Logged> covered = tree.subMap(base, true, base + changes.length, false);
    for (DeliveryLog.Logged l : covered.values()) {
      int i = (int) (l.change().seq() - base);
      changes[i] = l.change();
      positions[i] = l.position();
      low = dense == 0 ? i : Math.min(low, i);
      top = dense == 0 ? i + 1 : Math.max(top, i + 1);
      dense++;
    }
    covered.clear();
    if (tree.isEmpty()) {
      far = null;
    }
  }

  /** The logged change with {@code counter}, or null. */
  @Nullable Change get(long counter) {
    long slot = slotOf(counter);
    if (slot >= low && slot < top) {
      Change c = changes[(int) slot];
      if (c != null) {
        return c;
      }
    }
    DeliveryLog.Logged l = far == null ? null : far.get(counter);
    return l == null ? null : l.change();
  }

  /** Removes and returns the logged change with {@code counter}, or null if none. */
  @Nullable Change remove(long counter) {
    long slot = slotOf(counter);
    if (slot >= low && slot < top) {
      Change c = changes[(int) slot];
      if (c != null) {
        changes[(int) slot] = null;
        dense--;
        // Keep [low, top) tight, so that a window whose low end was taken can grow at its top.
        while (low < top && changes[low] == null) {
          low++;
        }
        while (top > low && changes[top - 1] == null) {
          top--;
        }
        return c;
      }
    }
    DeliveryLog.Logged l = far == null ? null : far.remove(counter);
    if (far != null && far.isEmpty()) {
      far = null;
    }
    return l == null ? null : l.change();
  }

  /** Hands every logged change to {@code sink}: the window's in counter order, then the rest. */
  void forEach(Consumer<Change> sink) {
    for (int i = low; i < top; i++) {
      Change c = changes[i];
      if (c != null) {
        sink.accept(c);
      }
    }
    if (far != null) {
      far.values().forEach(l -> sink.accept(l.change()));
    }
  }

  /** Number of logged changes with a counter above {@code floor}. */
  int countAbove(long floor) {
    int from = slotsUpTo(floor);
    int n = 0;
    if (dense == top - low) {
      n = top - from;
    } else {
      for (int i = from; i < top; i++) {
        n += changes[i] == null ? 0 : 1;
      }
    }
    return far == null ? n : n + far.tailMap(floor, false).size();
  }

  /** Adds the logged changes with a counter above {@code floor} to {@code out}, in no order. */
  void addAbove(long floor, List<DeliveryLog.Logged> out) {
    for (int i = slotsUpTo(floor); i < top; i++) {
      Change c = changes[i];
      if (c != null) {
        out.add(new DeliveryLog.Logged(c, positions[i]));
      }
    }
    if (far != null) {
      out.addAll(far.tailMap(floor, false).values());
    }
  }

  /** Drops the logged changes with a counter of at most {@code n}. */
  void removeUpTo(long n) {
    int end = slotsUpTo(n);
    for (int i = low; i < end; i++) {
      if (changes[i] != null) {
        changes[i] = null;
        dense--;
      }
    }
    low = dense == 0 ? 0 : end;
    top = dense == 0 ? 0 : top;
    if (far != null) {
      far.headMap(n, true).clear();
      if (far.isEmpty()) {
        far = null;
      }
    }
  }

  /** Number of logged changes. */
  int size() {
    return dense + (far == null ? 0 : far.size());
  }

  /**
   * The end of the slots in [low, top) whose counter is at most {@code n}, clamped to it: also the
   * first filled-or-hole slot whose counter is above {@code n}.
   */
  private int slotsUpTo(long n) {
    long slot = slotOf(n);
    return slot >= top ? top : (int) Math.max(low, slot + 1);
  }

  /**
   * {@code counter - base}, saturated: any counter, a caller's far-off floor included, maps to a
   * slot number that is outside [low, top) exactly when the counter is outside the window.
   */
  private long slotOf(long counter) {
    long slot = counter - base;
    // Overflow iff counter and base differ in sign and the result's sign differs from counter's.
    if (((counter ^ base) & (counter ^ slot)) < 0) {
      return counter < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return slot;
  }
}
