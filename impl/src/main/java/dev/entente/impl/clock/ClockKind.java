package dev.entente.impl.clock;

/**
 * The clock variants an experiment can choose between. Each constant builds a fresh, independent
 * clock; clocks are never shared between replicas.
 */
public enum ClockKind {
  /** Physical time only: the naive baseline, see {@link WallClock}. */
  WALL {
    @Override
    public TimestampClock create(PhysicalClock physical, long maxDriftMillis) {
      return new WallClock(physical, maxDriftMillis);
    }
  },
  /** A pure logical counter that ignores physical time, see {@link LamportClock}. */
  LAMPORT {
    @Override
    public TimestampClock create(PhysicalClock physical, long maxDriftMillis) {
      return new LamportClock();
    }
  },
  /** A hybrid logical clock (Kulkarni et al. 2014), see {@link HybridLogicalClock}. */
  HLC {
    @Override
    public TimestampClock create(PhysicalClock physical, long maxDriftMillis) {
      return new HybridLogicalClock(physical, maxDriftMillis);
    }
  };

  /**
   * Creates a clock of this kind.
   *
   * @param physical the physical time source; the Lamport clock does not read it
   * @param maxDriftMillis how far ahead of local physical time a remote timestamp may be before
   *     {@link TimestampClock#observe} refuses it, {@code > 0}; {@link Long#MAX_VALUE} means no
   *     limit. The Lamport clock has no drift guard, as its time is not physical.
   */
  public abstract TimestampClock create(PhysicalClock physical, long maxDriftMillis);
}
