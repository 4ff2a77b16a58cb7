package dev.entente.impl.clock;

/**
 * A source of physical time in milliseconds since the Unix epoch. Injected everywhere time is
 * needed so that the simulator can drive every replica's clock (skew, drift, steps back).
 *
 * <p>No monotonicity is promised: a physical clock may jump backwards, as real ones do.
 */
@FunctionalInterface
public interface PhysicalClock {
  /** The current physical time in milliseconds. */
  long millis();
}
