package dev.entente.impl;

import dev.entente.model.Change;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The buffered changes waiting on one replica's delivered prefix, as a binary min-heap keyed by the
 * counter each needs: {@link #add} and each change {@link #popReached} hands out cost O(log n), and
 * a wake-up that reaches nothing costs one comparison. Two parallel arrays, no boxing and no object
 * per entry: a shuffled replay files nearly every change here, several times over. Mutable, not
 * thread-safe.
 */
final class WaitHeap {
  private long[] needs = new long[8];
  private Change[] changes = new Change[8];
  private int size;

  /** Files {@code change} until the prefix reaches {@code need}. */
  void add(long need, Change change) {
    if (size == needs.length) {
      needs = Arrays.copyOf(needs, size * 2);
      changes = Arrays.copyOf(changes, size * 2);
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (needs[parent] <= need) {
        break;
      }
      needs[i] = needs[parent];
      changes[i] = changes[parent];
      i = parent;
    }
    needs[i] = need;
    changes[i] = change;
  }

  /** Removes every change whose need {@code prefix} reaches, handing each to {@code sink}. */
  void popReached(long prefix, Consumer<Change> sink) {
    while (size > 0 && needs[0] <= prefix) {
      Change top = changes[0];
      size--;
      long lastNeed = needs[size];
      Change last = changes[size];
      changes[size] = null;
      if (size > 0) {
        siftDown(lastNeed, last);
      }
      sink.accept(top);
    }
  }

  /** Drops every entry (the buffer refiles what it keeps). */
  void clear() {
    Arrays.fill(changes, 0, size, null);
    size = 0;
  }

  boolean isEmpty() {
    return size == 0;
  }

  private void siftDown(long need, Change change) {
    int i = 0;
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      if (child + 1 < size && needs[child + 1] < needs[child]) {
        child++;
      }
      if (need <= needs[child]) {
        break;
      }
      needs[i] = needs[child];
      changes[i] = changes[child];
      i = child;
    }
    needs[i] = need;
    changes[i] = change;
  }
}
