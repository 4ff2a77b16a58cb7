package dev.entente.impl.clock;

import dev.entente.impl.coverage.ImplMark;
import dev.entente.model.Check;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Verify;
import dev.entente.model.coverage.Coverage;
import java.util.Objects;

/**
 * A Lamport clock (Lamport 1978): a counter that follows causality and ignores physical time. The
 * counter travels in {@link HlcTimestamp#wallMillis()} and {@link HlcTimestamp#logical()} is always
 * 0, so Lamport timestamps compare with the same order as the other variants. Not thread-safe: a
 * replica owns its clock.
 *
 * <p>Contract: every {@link #now()} is strictly greater than every timestamp issued or observed
 * before. {@link #observe} never refuses a timestamp: there is no drift guard because Lamport time
 * is not physical, so "too far ahead" has no meaning. Starts at {@link HlcTimestamp#ZERO}.
 */
public final class LamportClock implements TimestampClock {
  private long counter;

  /** Creates a clock at {@link HlcTimestamp#ZERO}. */
  public LamportClock() {}

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the counter is already at {@link Long#MAX_VALUE}
   */
  @Override
  public HlcTimestamp now() {
    // Wrapping to a negative counter would silently break monotonicity; refuse instead.
    Check.state(
        counter < Long.MAX_VALUE, "Lamport counter is exhausted at %d; cannot issue more", counter);
    counter += 1;
    return current();
  }

  /** Raises the counter to the remote counter if that is larger; never throws drift. */
  @Override
  public void observe(HlcTimestamp remote) {
    Objects.requireNonNull(remote, "remote");
    if (remote.wallMillis() > counter) {
      Coverage.mark(ImplMark.LAMPORT_REMOTE_AHEAD);
      counter = remote.wallMillis();
    }
  }

  @Override
  public HlcTimestamp current() {
    return new HlcTimestamp(counter, 0);
  }

  /** Verifies the representation invariant; throws {@code InvariantViolation} if it is broken. */
  public void checkRep() {
    Verify.that(counter >= 0, "Lamport counter %d is negative", counter);
  }

  @Override
  public String toString() {
    return "LamportClock{" + counter + "}";
  }
}
