package dev.entente.model;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A version vector: for each replica, how many of its changes (a contiguous prefix 1..n) are
 * covered. Immutable. Replicas absent from the map have 0; zero entries are never stored, so equal
 * vectors are {@link #equals equal} and have one canonical form.
 *
 * <p>Vectors form a join-semilattice under {@link #merge} (entry-wise maximum) ordered by {@link
 * #dominates}.
 */
public final class VersionVector {
  /** The vector that covers nothing. */
  public static final VersionVector EMPTY = new VersionVector(new TreeMap<>());

  /** How two vectors relate in the partial order. */
  public enum Ordering {
    EQUAL,
    BEFORE,
    AFTER,
    CONCURRENT
  }

  private final SortedMap<ReplicaId, Long> entries;

  private VersionVector(TreeMap<ReplicaId, Long> entries) {
    this.entries = Collections.unmodifiableSortedMap(entries);
  }

  /**
   * Builds a vector from {@code counters}; zero entries are dropped.
   *
   * @throws IllegalArgumentException if a key or value is null or a counter is negative
   */
  public static VersionVector of(Map<ReplicaId, Long> counters) {
    TreeMap<ReplicaId, Long> copy = new TreeMap<>();
    for (Map.Entry<ReplicaId, Long> e : counters.entrySet()) {
      Check.argument(e.getKey() != null, "version vector replica must not be null");
      Check.argument(e.getValue() != null, "version vector counter for %s is null", e.getKey());
      Check.argument(
          e.getValue() >= 0,
          "version vector counter for %s must be >= 0, was %d",
          e.getKey(),
          e.getValue());
      if (e.getValue() > 0) {
        copy.put(e.getKey(), e.getValue());
      }
    }
    return new VersionVector(copy);
  }

  /** The counter for {@code replica}, 0 when absent. */
  public long get(ReplicaId replica) {
    return entries.getOrDefault(replica, 0L);
  }

  /** True if this vector covers {@code dot}: its counter for the dot's replica is at least it. */
  public boolean covers(Dot dot) {
    return get(dot.replica()) >= dot.counter();
  }

  /** A copy with {@code replica}'s counter set to {@code counter} (0 removes the entry). */
  public VersionVector with(ReplicaId replica, long counter) {
    Check.argument(counter >= 0, "counter must be >= 0, was %d", counter);
    if (get(replica) == counter) {
      // Unchanged (every local change normalises its author's entry to what it already is):
      // immutable, so this vector is the answer, without copying the map.
      return this;
    }
    TreeMap<ReplicaId, Long> copy = new TreeMap<>(entries);
    if (counter == 0) {
      copy.remove(replica);
    } else {
      copy.put(replica, counter);
    }
    return new VersionVector(copy);
  }

  /** The entry-wise maximum of the two vectors (the lattice join). */
  public VersionVector merge(VersionVector other) {
    TreeMap<ReplicaId, Long> copy = new TreeMap<>(entries);
    other.entries.forEach((r, n) -> copy.merge(r, n, Math::max));
    return new VersionVector(copy);
  }

  /** True if every entry of this vector is at least the other's entry. */
  public boolean dominates(VersionVector other) {
    for (Map.Entry<ReplicaId, Long> e : other.entries.entrySet()) {
      if (get(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  /** How this vector relates to {@code other}. */
  public Ordering compare(VersionVector other) {
    boolean ge = dominates(other);
    boolean le = other.dominates(this);
    if (ge && le) {
      return Ordering.EQUAL;
    }
    if (le) {
      return Ordering.BEFORE;
    }
    return ge ? Ordering.AFTER : Ordering.CONCURRENT;
  }

  /** The non-zero entries, sorted by replica. Unmodifiable. */
  public SortedMap<ReplicaId, Long> entries() {
    return entries;
  }

  /** The sum of all counters: how many changes the vector covers. */
  public long size() {
    long total = 0;
    for (long n : entries.values()) {
      total += n;
    }
    return total;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VersionVector v && entries.equals(v.entries);
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
