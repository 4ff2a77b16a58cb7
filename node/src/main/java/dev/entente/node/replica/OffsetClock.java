package dev.entente.node.replica;

import dev.entente.impl.clock.PhysicalClock;

/**
 * A physical clock shifted by a settable offset: the seam through which the Jepsen driver's clock
 * fault bumps one node's time (as {@code date -s} would) without touching the machine. Thread-safe.
 */
public final class OffsetClock implements PhysicalClock {
  private final PhysicalClock base;
  private volatile long offsetMillis;

  /** A clock reading {@code base} with offset 0. */
  public OffsetClock(PhysicalClock base) {
    this.base = base;
  }

  @Override
  public long millis() {
    return base.millis() + offsetMillis;
  }

  /** Sets the offset added to every later reading. */
  public void setOffsetMillis(long offset) {
    this.offsetMillis = offset;
  }

  /** The current offset. */
  public long offsetMillis() {
    return offsetMillis;
  }
}
