package dev.entente.impl.sync;

import dev.entente.impl.sync.rbsr.SyncId;
import dev.entente.impl.sync.rbsr.SyncItems;
import java.util.HashSet;
import java.util.Set;

/**
 * The end-of-run check every id-set reconciler shares: each side must have found exactly the ids it
 * holds and the other lacks. Stateless.
 */
final class Differences {
  private Differences() {}

  /**
   * Fails unless {@code sendA} is exactly a's ids missing from b and {@code sendB} exactly b's ids
   * missing from a; returns how many ids both hold.
   *
   * @throws IllegalStateException naming {@code protocol} when a difference was missed or invented
   */
  static long check(
      String protocol, SyncItems a, SyncItems b, Set<SyncId> sendA, Set<SyncId> sendB) {
    Set<SyncId> inA = ids(a);
    Set<SyncId> inB = ids(b);
    Set<SyncId> onlyA = new HashSet<>(inA);
    onlyA.removeAll(inB);
    Set<SyncId> onlyB = new HashSet<>(inB);
    onlyB.removeAll(inA);
    if (!sendA.equals(onlyA) || !sendB.equals(onlyB)) {
      throw new IllegalStateException(protocol + " ended without finding every difference");
    }
    return inA.size() - onlyA.size();
  }

  private static Set<SyncId> ids(SyncItems items) {
    Set<SyncId> out = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      out.add(items.id(i));
    }
    return out;
  }
}
