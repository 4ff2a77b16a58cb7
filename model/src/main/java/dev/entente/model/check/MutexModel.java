package dev.entente.model.check;

import java.util.List;

/**
 * A lock (knossos's {@code mutex}): {@code :acquire} is legal only when it is free, {@code
 * :release} only when it is held. The state is {@code true} when held; it starts free. Immutable.
 */
final class MutexModel implements SequentialModel<Boolean> {
  @Override
  public String name() {
    return "mutex";
  }

  @Override
  public Boolean initialState() {
    return false;
  }

  @Override
  public List<Boolean> step(Boolean held, Operation op) {
    return switch (op.fName()) {
      case "acquire" -> held ? List.of() : List.of(true);
      case "release" -> held ? List.of(false) : List.of();
      default -> throw new IllegalArgumentException("mutex has no operation " + op.describe());
    };
  }

  @Override
  public String describe(Boolean held) {
    return held ? "held" : "free";
  }
}
