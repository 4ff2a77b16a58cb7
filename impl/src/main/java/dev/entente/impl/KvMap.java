package dev.entente.impl;

import dev.entente.model.Change;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.RegisterPolicy;

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

  /** Validates the internal representation; throws {@code InvariantViolation} if broken. */
  void checkRep();
}
