package dev.entente.properties.sync;

import dev.entente.impl.sync.bloom.Change;
import dev.entente.impl.sync.rbsr.SyncId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Two causally closed histories for a Bloom sync property, from a seed: {@code shared} changes on
 * both sides, then {@code onlyA} and {@code onlyB} on one; each change depends on up to three
 * random earlier changes its side holds (none for a root), so the histories branch and merge.
 */
record ChangeDags(List<Change> a, List<Change> b) {
  static ChangeDags of(long seed, int shared, int onlyA, int onlyB) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Change> common = grow(new ArrayList<>(), shared, random);
    List<Change> a = grow(new ArrayList<>(common), onlyA, random);
    List<Change> b = grow(new ArrayList<>(common), onlyB, random);
    return new ChangeDags(a, b);
  }

  private static List<Change> grow(List<Change> history, int n, SplittableRandom random) {
    for (int i = 0; i < n; i++) {
      TreeSet<SyncId> deps = new TreeSet<>();
      int k = history.isEmpty() ? 0 : random.nextInt(4);
      for (int j = 0; j < k; j++) {
        // Mostly recent changes, as editing does; now and then an old one.
        int back = random.nextInt(10) == 0 ? history.size() : Math.min(history.size(), 4);
        deps.add(history.get(history.size() - 1 - random.nextInt(back)).id());
      }
      history.add(Change.of(new ArrayList<>(deps), i, random.nextLong()));
    }
    return history;
  }
}
