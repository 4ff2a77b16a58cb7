package dev.entente.properties.sync;

import dev.entente.impl.sync.rbsr.SyncId;
import dev.entente.impl.sync.rbsr.SyncItems;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Two item sets for a reconciliation property, from a seed: {@code shared} items on both sides,
 * {@code onlyA} and {@code onlyB} on one. Timestamps come from {@code 0..tsSpan}, so a small span
 * makes many ties that only the ids order.
 */
record SyncSets(List<SyncItems.Item> a, List<SyncItems.Item> b) {
  static SyncSets of(long seed, int shared, int onlyA, int onlyB, int tsSpan) {
    SplittableRandom random = new SplittableRandom(seed);
    List<SyncItems.Item> a = new ArrayList<>();
    List<SyncItems.Item> b = new ArrayList<>();
    for (int i = 0; i < shared; i++) {
      SyncItems.Item item = item(random, tsSpan);
      a.add(item);
      b.add(item);
    }
    for (int i = 0; i < onlyA; i++) {
      a.add(item(random, tsSpan));
    }
    for (int i = 0; i < onlyB; i++) {
      b.add(item(random, tsSpan));
    }
    return new SyncSets(a, b);
  }

  private static SyncItems.Item item(SplittableRandom random, int tsSpan) {
    byte[] id = new byte[SyncId.BYTES];
    random.nextBytes(id);
    return new SyncItems.Item(random.nextInt(tsSpan + 1), SyncId.of(id));
  }
}
