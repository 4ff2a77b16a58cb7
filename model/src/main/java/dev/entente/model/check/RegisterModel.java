package dev.entente.model.check;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A single register: {@code :read} returns the current value, {@code :write v} sets it and, unless
 * {@code cas} is off, {@code :cas [expected new]} sets it to {@code new} iff it holds {@code
 * expected} (knossos's {@code register} and {@code cas-register}). With {@code observedFailures}, a
 * failed cas is an observed "compare failed" (legal only when the register does not hold {@code
 * expected}), as in porcupine's etcd model, and a read of nil means the register holds nil;
 * otherwise failed ops never happened and, as in knossos, a read of nil is always legal (the client
 * did not learn the value). States hold canonical values ({@link Values#canonical}); null is nil.
 * Immutable.
 */
final class RegisterModel implements SequentialModel<RegisterModel.Held> {
  /** What the register holds: a canonical value, or null for nil. */
  record Held(@Nullable Object value) {}

  private final String name;
  private final @Nullable Object initial;
  private final boolean cas;
  private final boolean observedFailures;

  RegisterModel(String name, @Nullable Object initial, boolean cas, boolean observedFailures) {
    this.name = name;
    this.initial = Values.canonical(initial);
    this.cas = cas;
    this.observedFailures = observedFailures;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Held initialState() {
    return new Held(initial);
  }

  @Override
  public boolean observesFailure(Operation op) {
    return observedFailures && op.fName().equals("cas");
  }

  @Override
  public boolean isReadOnly(Operation op) {
    return op.fName().equals("read");
  }

  @Override
  public List<Held> step(Held state, Operation op) {
    switch (op.fName()) {
      case "read":
        return op.outcome() != Operation.Outcome.OK
                || (op.output() == null && !observedFailures)
                || Values.same(state.value(), op.output())
            ? List.of(state)
            : List.of();
      case "write":
        return List.of(new Held(Values.canonical(op.input())));
      case "cas":
        if (cas) {
          return compareAndSet(state, op);
        }
        break;
      default:
        break;
    }
    throw new IllegalArgumentException(name + " has no operation " + op.f() + ": " + op.describe());
  }

  @Override
  public String describe(Held state) {
    return Values.print(state.value());
  }

  private static List<Held> compareAndSet(Held state, Operation op) {
    List<?> pair = Values.list(op.input(), 2, "cas value");
    boolean matches = Objects.equals(state.value(), Values.canonical(pair.get(0)));
    if (op.outcome() == Operation.Outcome.FAIL) {
      return matches ? List.of() : List.of(state);
    }
    return matches ? List.of(new Held(Values.canonical(pair.get(1)))) : List.of();
  }
}
