package dev.entente.impl;

import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.Key;
import dev.entente.model.Op;
import dev.entente.model.VersionVector;
import dev.entente.model.Write;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds snapshot entries (trimmed changes) from the writes a map keeps. */
final class SnapshotEntries {
  private SnapshotEntries() {}

  /**
   * Groups {@code writes} by change into trimmed changes holding only those writes' ops, sorted by
   * key, with the trivial {@code seen} (LWW and MV never read a kept write's {@code seen}).
   */
  static List<Change> group(Collection<Write> writes) {
    Map<Dot, Trimmed> byDot = new TreeMap<>();
    for (Write w : writes) {
      byDot
          .computeIfAbsent(w.change().dot(), d -> new Trimmed(w.change()))
          .ops
          .put(w.key(), w.op());
    }
    List<Change> out = new ArrayList<>(byDot.size());
    for (Trimmed t : byDot.values()) {
      out.add(t.build(VersionVector.EMPTY));
    }
    return out;
  }

  /** A change being trimmed: its header and the ops kept so far, one per key. */
  static final class Trimmed {
    final Change original;
    final TreeMap<Key, Op> ops = new TreeMap<>();

    Trimmed(Change original) {
      this.original = original;
    }

    Change build(VersionVector seen) {
      return new Change(
          original.author(),
          original.seq(),
          original.timestamp(),
          seen,
          new ArrayList<>(ops.values()));
    }
  }
}
