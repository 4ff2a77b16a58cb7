package dev.entente.simulations.broken;

import dev.entente.impl.clock.TimestampClock;
import dev.entente.model.Check;
import dev.entente.model.HlcTimestamp;

/**
 * A hybrid logical clock that never learns from remote timestamps: it keeps local monotonicity but
 * loses the causality guarantee, so under skew a causally later write can get a smaller timestamp
 * than the write it overwrote.
 */
public final class IgnoringRemoteClock implements TimestampClock {
  private final TimestampClock delegate;

  /** Wraps {@code delegate}, forwarding everything but {@link #observe}. */
  public IgnoringRemoteClock(TimestampClock delegate) {
    Check.argument(delegate != null, "delegate clock must not be null");
    this.delegate = delegate;
  }

  @Override
  public HlcTimestamp now() {
    return delegate.now();
  }

  @Override
  public void observe(HlcTimestamp remote) {
    // The flaw: the remote timestamp is dropped on the floor.
  }

  @Override
  public HlcTimestamp current() {
    return delegate.current();
  }
}
