package dev.entente.impl;

import dev.entente.impl.gc.Swept;
import dev.entente.model.Change;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.VersionVector;
import java.util.List;

/**
 * A replicated key-value map under one register policy, as a state-based CRDT: changes are applied
 * into it, and two maps merge by a join that is commutative, associative and idempotent. Mutable,
 * not thread-safe.
 *
 * <p>Contract shared by all implementations: after applying (or merging in) a set of changes,
 * {@link #materialise()} equals the oracle's map for exactly that set, whatever the order and
 * however often each change arrived.
 */
public interface KvMap {
  /** The policy this map implements. */
  RegisterPolicy policy();

  /**
   * Applies a change the map has not applied before. Callers (the {@link Replica}) deduplicate; the
   * MV map additionally requires causal delivery (every change the new one has seen has been
   * applied).
   */
  void apply(Change change);

  /** Joins {@code other} (same policy) into this map. */
  void mergeFrom(KvMap other);

  /** True if this map's state is below or equal to {@code other}'s in the lattice order. */
  boolean isLessOrEqual(KvMap other);

  /** An independent copy. */
  KvMap copy();

  /** What a reader sees now. */
  MaterialisedMap materialise();

  /** Deletes kept as tombstones (compaction will reclaim them; see the compaction issue). */
  long tombstoneCount();

  /**
   * The live state as snapshot entries (see {@link dev.entente.impl.snapshot.Snapshot}): changes
   * trimmed to the ops that still matter, one op per key sorted by key, strictly increasing by dot.
   * Maps that cannot be snapshotted (deliberately broken test maps) throw {@link
   * UnsupportedOperationException}.
   */
  default List<Change> snapshotEntries() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " takes no snapshots");
  }

  /**
   * Loads snapshot entries into this empty map.
   *
   * @param context the dots the replica delivered (a gap-free prefix for maps that need causal
   *     delivery); entries are among them
   */
  default void restore(List<Change> entries, VersionVector context) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be restored");
  }

  /**
   * Drops what no change that has seen {@code stable} can need (see {@code
   * dev.entente.impl.gc.StabilityFrontier}); the caller guarantees every future change has seen it.
   * The default collects nothing, which is always safe.
   *
   * @param monotoneClock true if every change that has seen a write is stamped after it (HLC and
   *     Lamport clocks); LWW tombstones are only collected then
   */
  default Swept collectGarbage(VersionVector stable, boolean monotoneClock) {
    return Swept.NOTHING;
  }

  /** Validates the internal representation; throws {@code InvariantViolation} if broken. */
  void checkRep();
}
