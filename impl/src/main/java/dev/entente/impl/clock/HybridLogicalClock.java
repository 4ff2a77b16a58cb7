package dev.entente.impl.clock;

import dev.entente.impl.coverage.ImplMark;
import dev.entente.model.Check;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Verify;
import dev.entente.model.coverage.Coverage;
import java.util.Objects;

/**
 * A hybrid logical clock (Kulkarni, Demirbas et al. 2014, "Logical Physical Clocks"): timestamps
 * that follow causality like a Lamport clock yet stay close to physical time. Not thread-safe: a
 * replica owns its clock.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li><b>Monotonic.</b> Every timestamp from {@link #now()} is strictly greater than every
 *       timestamp this clock issued or observed before, whatever the physical clock does.
 *   <li><b>Causal.</b> After {@code observe(t)}, {@link #current()} is strictly greater than {@code
 *       t}, so every later local event is stamped after {@code t}.
 *   <li><b>Never behind physical time.</b> The wall part of every {@link #now()} result is {@code
 *       >=} the physical time read for it.
 *   <li><b>Bounded lead.</b> At every {@link #now()} with physical time {@code pt}: {@code wall -
 *       pt <= max(0, L) + (P - pt) + k}, where {@code L} is the largest lead {@code remote.wall -
 *       pt'} of any accepted remote at the time it was observed, {@code P} the largest physical
 *       time read so far and {@code k} the number of counter overflows so far. With the drift
 *       guard, {@code L <= maxDriftMillis}.
 *   <li><b>Drift guard.</b> {@link #observe} refuses a remote whose wall is more than {@code
 *       maxDriftMillis} ahead of local physical time, with {@link ClockDriftException}, and leaves
 *       the clock unchanged.
 * </ul>
 *
 * <p>Implementation note: the update rules are the paper's (Figure 5). The paper's counter is
 * unbounded in principle; ours is 16 bits ({@link HlcTimestamp#MAX_LOGICAL}). When the counter
 * would exceed that, the wall part advances by 1 ms and the counter restarts at 0. This keeps
 * strict monotonicity at the cost of 1 ms of extra lead over physical time per overflow; the lead
 * stays bounded because an overflow takes 65,536 events within one millisecond of wall time, so
 * overflows cannot outpace physical time under any realistic event rate.
 *
 * <p>Representation invariant ({@link #checkRep()}): {@code high <= wall <= high + overflows},
 * where {@code high} is the largest physical time read or remote wall accepted so far.
 */
public final class HybridLogicalClock implements TimestampClock {
  private final PhysicalClock physical;
  private final long maxDriftMillis;

  private long wall;
  private int logical;
  // Tracked only to state and check the bounded-lead invariant in checkRep().
  private long highWaterMillis;
  private long overflows;

  /**
   * Creates a clock at {@link HlcTimestamp#ZERO} that reads physical time from {@code physical}.
   *
   * @param maxDriftMillis how far ahead of local physical time a remote timestamp may be, {@code >
   *     0}; {@link Long#MAX_VALUE} means no limit
   */
  public HybridLogicalClock(PhysicalClock physical, long maxDriftMillis) {
    Check.argument(maxDriftMillis > 0, "maxDriftMillis must be > 0, was %d", maxDriftMillis);
    this.physical = Objects.requireNonNull(physical, "physical");
    this.maxDriftMillis = maxDriftMillis;
  }

  /** Creates a clock that accepts remote timestamps however far ahead they are. */
  public static HybridLogicalClock unbounded(PhysicalClock physical) {
    return new HybridLogicalClock(physical, Long.MAX_VALUE);
  }

  /** The drift limit: {@link Long#MAX_VALUE} if there is none. */
  public long maxDriftMillis() {
    return maxDriftMillis;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the physical clock reports negative time
   */
  @Override
  public HlcTimestamp now() {
    long pt = readPhysical();
    long nextWall = Math.max(wall, pt);
    if (nextWall == wall) {
      if (pt < wall) {
        Coverage.mark(ImplMark.HLC_PHYSICAL_BEHIND);
      }
      advance(wall, logical + 1, pt);
    } else {
      advance(nextWall, 0, pt);
    }
    Verify.that(wall >= pt, "HLC wall %d fell behind physical time %d", wall, pt);
    return current();
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the physical clock reports negative time
   */
  @Override
  public void observe(HlcTimestamp remote) {
    Objects.requireNonNull(remote, "remote");
    long pt = readPhysical();
    // Subtraction cannot overflow: both operands are >= 0.
    if (remote.wallMillis() - pt > maxDriftMillis) {
      throw new ClockDriftException(remote, pt, maxDriftMillis);
    }
    long remoteWall = remote.wallMillis();
    long nextWall = Math.max(Math.max(wall, remoteWall), pt);
    int nextLogical;
    if (nextWall == wall && nextWall == remoteWall) {
      Coverage.mark(ImplMark.HLC_EQUAL_WALLS);
      nextLogical = Math.max(logical, remote.logical()) + 1;
    } else if (nextWall == wall) {
      nextLogical = logical + 1;
    } else if (nextWall == remoteWall) {
      if (remoteWall > pt) {
        Coverage.mark(ImplMark.HLC_REMOTE_AHEAD);
      }
      nextLogical = remote.logical() + 1;
    } else {
      nextLogical = 0;
    }
    advance(nextWall, nextLogical, Math.max(pt, remoteWall));
  }

  @Override
  public HlcTimestamp current() {
    return new HlcTimestamp(wall, logical);
  }

  /** Verifies the representation invariant; throws {@code InvariantViolation} if it is broken. */
  public void checkRep() {
    Verify.that(wall >= 0, "HLC wall %d is negative", wall);
    Verify.that(
        logical >= 0 && logical <= HlcTimestamp.MAX_LOGICAL,
        "HLC logical %d outside [0, %d]",
        logical,
        HlcTimestamp.MAX_LOGICAL);
    Verify.that(
        wall >= highWaterMillis,
        "HLC wall %d is behind the largest time it has seen, %d",
        wall,
        highWaterMillis);
    Verify.that(
        wall - highWaterMillis <= overflows,
        "HLC wall %d leads the largest time it has seen, %d, by more than its %d overflows",
        wall,
        highWaterMillis,
        overflows);
  }

  @Override
  public String toString() {
    return "HybridLogicalClock{" + current() + ", maxDriftMillis=" + maxDriftMillis + "}";
  }

  private long readPhysical() {
    long pt = physical.millis();
    Check.state(pt >= 0, "physical clock returned negative time %d", pt);
    return pt;
  }

  /**
   * Moves to {@code (nextWall, nextLogical)}, carrying an overflowing counter into the wall. {@code
   * seenMillis} is the largest input time of this event, for the high-water mark.
   */
  private void advance(long nextWall, int nextLogical, long seenMillis) {
    if (nextLogical > HlcTimestamp.MAX_LOGICAL) {
      Check.state(nextWall < Long.MAX_VALUE, "HLC wall %d cannot advance past overflow", nextWall);
      nextWall += 1;
      nextLogical = 0;
      overflows += 1;
    }
    wall = nextWall;
    logical = nextLogical;
    highWaterMillis = Math.max(highWaterMillis, seenMillis);
  }
}
