package dev.entente.model;

/** How concurrent writes to the same key (or group of keys) are resolved. */
public enum RegisterPolicy {
  /** Per-key last-writer-wins: the greatest write in {@link Write#LWW_ORDER} wins. */
  LWW,
  /** Multi-value: every put no other write to the key has seen survives as a sibling. */
  MV,
  /**
   * Causal groups: within each group of keys (see {@link KeyGroups}) the change greatest in LWW
   * order wins the whole group, and the group shows that change's view of it. See {@link
   * CausalGroupOracle} for the exact semantics.
   */
  CAUSAL_GROUP
}
