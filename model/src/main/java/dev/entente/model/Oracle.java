package dev.entente.model;

import java.util.Collection;

/** The reference semantics of every policy behind one call. */
public final class Oracle {
  private Oracle() {}

  /**
   * The map that {@code changes} produce under {@code policy}.
   *
   * @param groups the key groups; used by {@link RegisterPolicy#CAUSAL_GROUP} only
   * @throws IllegalArgumentException if two different changes share a dot
   */
  public static MaterialisedMap materialise(
      RegisterPolicy policy, Collection<Change> changes, KeyGroups groups) {
    return switch (policy) {
      case LWW -> LwwMapOracle.materialise(changes);
      case MV -> MvMapOracle.materialise(changes);
      case CAUSAL_GROUP -> CausalGroupOracle.materialise(changes, groups);
    };
  }
}
