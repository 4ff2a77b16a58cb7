package dev.entente.properties.clock;

import dev.entente.impl.clock.PhysicalClock;

/**
 * A physical clock the test moves by hand, forwards or backwards. It never goes below 0, because
 * the clocks under test rightly reject negative physical time and the properties are about other
 * things.
 */
final class ManualPhysicalClock implements PhysicalClock {
  private long millis;

  ManualPhysicalClock(long startMillis) {
    this.millis = Math.max(0, startMillis);
  }

  @Override
  public long millis() {
    return millis;
  }

  /** Moves the clock by {@code deltaMillis}, which may be negative, stopping at 0. */
  void step(long deltaMillis) {
    millis = Math.max(0, millis + deltaMillis);
  }
}
