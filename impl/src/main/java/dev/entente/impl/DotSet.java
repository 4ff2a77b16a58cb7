package dev.entente.impl;

import dev.entente.model.Dot;
import dev.entente.model.ReplicaId;
import dev.entente.model.Verify;
import dev.entente.model.VersionVector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The set of dots a replica has delivered, which may have gaps when changes arrive out of order:
 * per replica a contiguous prefix {@code 1..n} plus the dots beyond it. Mutable, not thread-safe.
 *
 * <p>Invariant: no stored extra dot is at or below its replica's prefix, and the first dot after
 * the prefix is never stored as an extra (it would have been folded into the prefix).
 */
final class DotSet {
  private final Map<ReplicaId, Long> prefix = new HashMap<>();
  private final Map<ReplicaId, TreeSet<Long>> extras = new HashMap<>();
  private long size;

  /** A set holding the dots {@code prefix} covers and {@code beyond} (dots past a gap). */
  static DotSet of(VersionVector prefix, List<Dot> beyond) {
    DotSet set = new DotSet();
    prefix
        .entries()
        .forEach(
            (r, n) -> {
              set.prefix.put(r, n);
              set.size += n;
            });
    for (Dot d : beyond) {
      set.add(d);
    }
    return set;
  }

  /** The dots past a gap, sorted (empty when the set is a plain prefix per replica). */
  List<Dot> beyond() {
    List<Dot> out = new ArrayList<>();
    new TreeMap<>(extras).forEach((r, counters) -> counters.forEach(c -> out.add(new Dot(r, c))));
    return out;
  }

  /** Per replica the greatest counter added: a vector that covers every dot of the set. */
  VersionVector maxCounters() {
    Map<ReplicaId, Long> max = new HashMap<>(prefix);
    extras.forEach((r, counters) -> max.put(r, counters.last()));
    return VersionVector.of(max);
  }

  /** True if every dot of this set is in {@code other}. */
  boolean isSubsetOf(DotSet other) {
    for (Map.Entry<ReplicaId, Long> e : prefix.entrySet()) {
      for (long c = other.prefix.getOrDefault(e.getKey(), 0L) + 1; c <= e.getValue(); c++) {
        if (!other.contains(new Dot(e.getKey(), c))) {
          return false;
        }
      }
    }
    for (Map.Entry<ReplicaId, TreeSet<Long>> e : extras.entrySet()) {
      for (long c : e.getValue()) {
        if (!other.contains(new Dot(e.getKey(), c))) {
          return false;
        }
      }
    }
    return true;
  }

  /** Adds every dot of {@code other}; cost grows with other's gaps, not with its prefixes. */
  void addAll(DotSet other) {
    other.prefix.forEach(this::addPrefix);
    other.extras.forEach((r, counters) -> counters.forEach(c -> add(new Dot(r, c))));
  }

  private void addPrefix(ReplicaId r, long n) {
    long mine = prefix.getOrDefault(r, 0L);
    if (n <= mine) {
      return;
    }
    TreeSet<Long> beyond = extras.get(r);
    if (beyond != null) {
      java.util.SortedSet<Long> covered = beyond.subSet(mine + 1, n + 1);
      size -= covered.size();
      covered.clear();
    }
    size += n - mine;
    while (beyond != null && !beyond.isEmpty() && beyond.first() == n + 1) {
      n = beyond.pollFirst();
    }
    if (beyond != null && beyond.isEmpty()) {
      extras.remove(r);
    }
    prefix.put(r, n);
  }

  /** True if the dot has been added. */
  boolean contains(Dot dot) {
    if (prefix.getOrDefault(dot.replica(), 0L) >= dot.counter()) {
      return true;
    }
    TreeSet<Long> beyond = extras.get(dot.replica());
    return beyond != null && beyond.contains(dot.counter());
  }

  /** Adds a dot; returns false if it was already present. */
  boolean add(Dot dot) {
    return add(dot.replica(), dot.counter());
  }

  /** Adds the dot {@code r:c} (no {@link Dot} built); returns false if it was already present. */
  boolean add(ReplicaId r, long c) {
    // One prefix lookup and at most one extras lookup: this runs on every delivery.
    long n = prefix.getOrDefault(r, 0L);
    if (c <= n) {
      return false;
    }
    // Gap-free sets (the common case) skip the extras lookup.
    TreeSet<Long> beyond = extras.isEmpty() ? null : extras.get(r);
    if (c != n + 1) {
      if (beyond == null) {
        beyond = new TreeSet<>();
        extras.put(r, beyond);
      }
      if (!beyond.add(c)) {
        return false;
      }
      size++;
      return true;
    }
    size++;
    n++;
    while (beyond != null && !beyond.isEmpty() && beyond.first() == n + 1) {
      n = beyond.pollFirst();
    }
    if (beyond != null && beyond.isEmpty()) {
      extras.remove(r);
    }
    prefix.put(r, n);
    return true;
  }

  /** The contiguous prefixes as a version vector: the dots this set covers without gaps. */
  VersionVector versionVector() {
    return VersionVector.of(prefix);
  }

  /**
   * True if the contiguous prefixes cover every entry of {@code vector}: the same answer as {@code
   * versionVector().dominates(vector)}, without building the vector (this runs on every apply).
   */
  boolean prefixesDominate(VersionVector vector) {
    for (Map.Entry<ReplicaId, Long> e : vector.entries().entrySet()) {
      if (prefix.getOrDefault(e.getKey(), 0L) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  /** The contiguous prefix of {@code replica}: every counter up to it is in the set. */
  long maxPrefix(ReplicaId replica) {
    return prefix.getOrDefault(replica, 0L);
  }

  /** The greatest counter added for {@code replica}, 0 if none. */
  long maxCounter(ReplicaId replica) {
    TreeSet<Long> beyond = extras.get(replica);
    return beyond == null ? prefix.getOrDefault(replica, 0L) : beyond.last();
  }

  /** Number of dots added. */
  long size() {
    return size;
  }

  /** True if some dot is present beyond a gap. */
  boolean hasGaps() {
    return !extras.isEmpty();
  }

  void checkRep() {
    long counted = 0;
    for (long n : prefix.values()) {
      counted += n;
    }
    for (Map.Entry<ReplicaId, TreeSet<Long>> e : new TreeMap<>(extras).entrySet()) {
      long n = prefix.getOrDefault(e.getKey(), 0L);
      Verify.that(!e.getValue().isEmpty(), "dot set keeps an empty extras set for %s", e.getKey());
      Verify.that(
          e.getValue().first() > n + 1,
          "dot set extra %s:%d should have been folded into prefix %d",
          e.getKey(),
          e.getValue().first(),
          n);
      counted += e.getValue().size();
    }
    Verify.that(counted == size, "dot set size %d but holds %d dots", size, counted);
  }
}
