package dev.entente.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What a reader sees: each present key with its values, sorted by key. Immutable.
 *
 * <p>Invariants: every value list is non-empty, sorted and free of duplicates. Under LWW and the
 * causal-group policy each list has exactly one value; under MV a list with several values holds
 * concurrent siblings.
 */
public final class MaterialisedMap {
  /** The map with no keys. */
  public static final MaterialisedMap EMPTY = new MaterialisedMap(new TreeMap<>());

  private final SortedMap<Key, List<Value>> entries;

  private MaterialisedMap(TreeMap<Key, List<Value>> entries) {
    this.entries = Collections.unmodifiableSortedMap(entries);
  }

  /**
   * Builds a map from keys to sibling values; each list is sorted and deduplicated, and keys with
   * no values are left out.
   */
  public static MaterialisedMap of(Map<Key, ? extends Collection<Value>> values) {
    TreeMap<Key, List<Value>> copy = new TreeMap<>();
    values.forEach(
        (k, vs) -> {
          List<Value> sorted = new ArrayList<>(new TreeSet<>(vs));
          if (!sorted.isEmpty()) {
            copy.put(k, List.copyOf(sorted));
          }
        });
    return new MaterialisedMap(copy);
  }

  /** Builds a single-valued map. */
  public static MaterialisedMap ofSingle(Map<Key, Value> values) {
    TreeMap<Key, List<Value>> copy = new TreeMap<>();
    values.forEach((k, v) -> copy.put(k, List.of(v)));
    return new MaterialisedMap(copy);
  }

  /** Key to sorted sibling values. Unmodifiable. */
  public SortedMap<Key, List<Value>> entries() {
    return entries;
  }

  /** The values of {@code key}, empty when absent. */
  public List<Value> get(Key key) {
    return entries.getOrDefault(key, List.of());
  }

  /** The single value of {@code key}, or null when absent; fails if the key has siblings. */
  public @Nullable Value single(Key key) {
    List<Value> vs = get(key);
    Check.state(vs.size() <= 1, "key %s has %d siblings: %s", key, vs.size(), vs);
    return vs.isEmpty() ? null : vs.get(0);
  }

  /** Number of present keys. */
  public int size() {
    return entries.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MaterialisedMap m && entries.equals(m.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return entries.toString();
  }
}
