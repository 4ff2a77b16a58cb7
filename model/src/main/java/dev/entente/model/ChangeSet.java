package dev.entente.model;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A set of changes keyed by dot. Delivering a change twice is harmless, but two different changes
 * with the same dot are a forgery or a bug, and are rejected.
 */
public final class ChangeSet {
  private ChangeSet() {}

  /**
   * Deduplicates {@code changes} by dot.
   *
   * @throws IllegalArgumentException if two changes share a dot but differ in content
   */
  public static SortedMap<Dot, Change> of(Collection<Change> changes) {
    TreeMap<Dot, Change> byDot = new TreeMap<>();
    for (Change c : changes) {
      Change previous = byDot.putIfAbsent(c.dot(), c);
      Check.argument(
          previous == null || previous.equals(c),
          "two different changes share the dot %s: %s and %s",
          c.dot(),
          previous,
          c);
    }
    return Collections.unmodifiableSortedMap(byDot);
  }
}
