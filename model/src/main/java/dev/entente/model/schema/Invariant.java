package dev.entente.model.schema;

import dev.entente.model.Check;

/**
 * A declared invariant {@code left < right} between two fields of one entity, such as the
 * calendar's {@code event/{id}/start < event/{id}/end}: wherever both keys hold values of their
 * type under the same bindings, the left value is smaller. Immutable.
 */
public record Invariant(KeyPattern left, KeyPattern right) {
  /** Validates that both sides bind the same placeholders. */
  public Invariant {
    Check.argument(left != null && right != null, "invariant sides must not be null");
    Check.argument(
        left.placeholders().equals(right.placeholders()),
        "invariant %s < %s: both sides must bind the same placeholders",
        left,
        right);
  }

  @Override
  public String toString() {
    return left + " < " + right;
  }
}
