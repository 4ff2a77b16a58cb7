package dev.entente.model;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * First-principles semantics of the per-key LWW map: for each key, the winning write is the
 * greatest in {@link Write#LWW_ORDER} among all writes to it; if it is a delete the key is absent,
 * otherwise the key has the put's value.
 *
 * <p>Deliberately naive (it looks at every write of every change): it is the oracle the fast
 * implementation is checked against.
 */
public final class LwwMapOracle {
  private LwwMapOracle() {}

  /** The map the changes produce; duplicates are ignored, conflicting dots rejected. */
  public static MaterialisedMap materialise(Collection<Change> changes) {
    Map<Key, Write> winners = new HashMap<>();
    for (Change c : ChangeSet.of(changes).values()) {
      for (int i = 0; i < c.ops().size(); i++) {
        Write w = new Write(c, i);
        winners.merge(w.key(), w, (a, b) -> Write.LWW_ORDER.compare(a, b) >= 0 ? a : b);
      }
    }
    TreeMap<Key, Value> values = new TreeMap<>();
    winners.forEach(
        (k, w) -> {
          if (w.op() instanceof Op.Put put) {
            values.put(k, put.value());
          }
        });
    return MaterialisedMap.ofSingle(values);
  }
}
