package dev.entente.simulations.plan;

/**
 * A fault planned at {@code tick} lasting {@code durationTicks}. {@code seed} seeds the generator
 * that picks its targets and sizes when it starts, so removing one fault from a schedule does not
 * change what the others do. Immutable.
 */
public record PlannedFault(long tick, long durationTicks, FaultKind kind, long seed) {
  @Override
  public String toString() {
    return "@"
        + tick
        + "+"
        + durationTicks
        + " "
        + kind.optionName()
        + " #"
        + Long.toHexString(seed);
  }
}
