package dev.entente.model.check;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A sequential specification: the object a linearizable history must be equivalent to. States are
 * immutable values with {@code equals} and {@code hashCode} (the checker memoises on them).
 * Implementations are stateless and thread-safe.
 *
 * @param <S> the state type
 */
public interface SequentialModel<S> {
  /** The model's name as the command line spells it ({@code cas-register}). */
  String name();

  /** The state before any operation. */
  S initialState();

  /**
   * The states the object may be in after applying {@code op} in {@code state}: empty if {@code op}
   * cannot happen in {@code state} (a read of the wrong value, a cas whose compare fails), one
   * state for a deterministic model, several for a nondeterministic one. For an {@link
   * Operation.Outcome#INFO} operation the output is unknown: accept any output. Throws {@link
   * IllegalArgumentException} for operations the model does not know (an unknown {@code :f}, a
   * malformed value).
   */
  List<S> step(S state, Operation op);

  /**
   * Whether a failed completion of {@code op} is an observed outcome (the operation happened and
   * reported failure, as etcd's compare-and-set does) rather than Jepsen's default "certainly did
   * not happen". False by default.
   */
  default boolean observesFailure(Operation op) {
    return false;
  }

  /**
   * Whether {@code op} never changes the state, in any state (a read). The checker linearizes a
   * legal read-only operation as soon as it may, without treating that as a choice to revisit, and
   * drops indeterminate read-only operations altogether: both are sound only if this is true. False
   * by default.
   */
  default boolean isReadOnly(Operation op) {
    return false;
  }

  /**
   * The independent object {@code op} touches, or null if it touches several or the model is a
   * single object. When every operation of a history has a key, the checker checks each key's
   * sub-history on its own (linearizability is local: Herlihy and Wing 1990, P-compositionality in
   * Lowe 2017).
   */
  default @Nullable Object partitionKey(Operation op) {
    return null;
  }

  /** A human-readable rendering of a state, for explanations. */
  default String describe(S state) {
    return Values.print(state);
  }
}
