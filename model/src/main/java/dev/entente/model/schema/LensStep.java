package dev.entente.model.schema;

import dev.entente.model.Check;
import java.util.List;

/**
 * The lenses from version {@code from} to {@code from + 1}, applied in order (the first lens whose
 * pattern matches a key translates it). Immutable.
 *
 * @param declaredLossy the schema author accepts that this step loses data in one direction
 */
public record LensStep(int from, boolean declaredLossy, List<Lens> lenses) {
  /** Validates and copies. */
  public LensStep {
    Check.argument(from >= 1, "a lens step starts at version >= 1, was %d", from);
    Check.argument(lenses != null && !lenses.isEmpty(), "lens step %d has no lenses", from);
    lenses = List.copyOf(lenses);
  }

  /** True if some lens of this step is not invertible. */
  public boolean lossy() {
    return lenses.stream().anyMatch(l -> !l.invertible());
  }
}
