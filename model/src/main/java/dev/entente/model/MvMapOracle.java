package dev.entente.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * First-principles semantics of the multi-value map: the values of a key are the values of the puts
 * on it that no other write to that key supersedes ({@link Write#supersedes}: its change has seen
 * the put's change, or it comes later in the same change). Deletes contribute no value but do
 * supersede. Surviving puts are concurrent siblings; equal sibling values are shown once.
 */
public final class MvMapOracle {
  private MvMapOracle() {}

  /** The map the changes produce; duplicates are ignored, conflicting dots rejected. */
  public static MaterialisedMap materialise(Collection<Change> changes) {
    Map<Key, List<Write>> byKey = new TreeMap<>();
    for (Change c : ChangeSet.of(changes).values()) {
      for (int i = 0; i < c.ops().size(); i++) {
        Write w = new Write(c, i);
        byKey.computeIfAbsent(w.key(), k -> new ArrayList<>()).add(w);
      }
    }
    Map<Key, List<Value>> values = new TreeMap<>();
    byKey.forEach((k, writes) -> values.put(k, survivingValues(writes)));
    return MaterialisedMap.of(values);
  }

  private static List<Value> survivingValues(List<Write> writes) {
    List<Value> out = new ArrayList<>();
    for (Write w : writes) {
      if (w.op() instanceof Op.Put put && writes.stream().noneMatch(o -> o.supersedes(w))) {
        out.add(put.value());
      }
    }
    return out;
  }
}
