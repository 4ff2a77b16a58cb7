package dev.entente.model.schema;

import dev.entente.model.Check;
import dev.entente.model.Key;
import dev.entente.model.Value;
import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A replica's map as seen at one schema version: {@code known} holds the keys that are fields of
 * that version with values of the field's type (defaults included); {@code opaque} holds the rest
 * (keys the version does not know, values that do not parse, joins missing a part). Opaque data is
 * shown, never dropped. Immutable.
 */
public record VersionedView(
    int version, SortedMap<Key, Value> known, SortedMap<Key, Value> opaque) {
  /** Validates and copies. */
  public VersionedView {
    Check.argument(version >= 0, "view version must be >= 0, was %d", version);
    known = Collections.unmodifiableSortedMap(new TreeMap<>(known));
    opaque = Collections.unmodifiableSortedMap(new TreeMap<>(opaque));
  }

  /** The first key on which this view and {@code other} differ, described; null if equal. */
  public String firstDifference(VersionedView other) {
    for (Key k : union(other)) {
      Value a = known.containsKey(k) ? known.get(k) : opaque.get(k);
      Value b = other.known.containsKey(k) ? other.known.get(k) : other.opaque.get(k);
      boolean sameSide = known.containsKey(k) == other.known.containsKey(k);
      if (a == null || !a.equals(b) || !sameSide) {
        return k + " = " + describe(k) + " vs " + other.describe(k);
      }
    }
    return "equal";
  }

  private SortedSet<Key> union(VersionedView other) {
    TreeSet<Key> all = new TreeSet<>(known.keySet());
    all.addAll(opaque.keySet());
    all.addAll(other.known.keySet());
    all.addAll(other.opaque.keySet());
    return all;
  }

  private String describe(Key k) {
    if (known.containsKey(k)) {
      return String.valueOf(known.get(k));
    }
    return opaque.containsKey(k) ? "opaque " + opaque.get(k) : "absent";
  }
}
