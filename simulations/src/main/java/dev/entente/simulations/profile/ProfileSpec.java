package dev.entente.simulations.profile;

import dev.entente.impl.clock.ClockKind;
import dev.entente.model.Check;
import dev.entente.model.RegisterPolicy;
import dev.entente.simulations.net.DelayDistribution;
import dev.entente.simulations.random.Ratio;
import dev.entente.simulations.sync.SyncKind;
import dev.entente.simulations.workload.WorkloadKind;

/**
 * A profile as data: everything that decides a run's options from its seed, as loaded from a {@code
 * profiles/*.json} file by {@link ProfileReader}. The values drawn per seed are {@link IntRange}s,
 * {@link Choice}s and the {@link FaultSpec}; the rest are fixed. Each draw consumes exactly one
 * value of the seed's option stream, in a fixed order (see {@code Profile}), whatever the profile
 * says. Immutable; the nested records are validated on construction.
 *
 * @param name the option name, e.g. {@code clock-skew}
 * @param description one sentence for people
 */
public record ProfileSpec(
    String name,
    String description,
    IntRange replicas,
    Choice<RegisterPolicy> policy,
    Choice<SyncKind> sync,
    Choice<ClockKind> clock,
    FaultSpec faults,
    Workload workload,
    Network network,
    Clocks clocks,
    Timing timing) {
  /** The largest count of ops, keys or events a profile may draw. */
  public static final long MAX_COUNT = 1_000_000;

  /** What a profile name looks like: lowercase letters, digits and dashes. */
  public static final String NAME_PATTERN = "[a-z0-9][a-z0-9-]*";

  /** Validates the name. */
  public ProfileSpec {
    Check.argument(name != null && name.matches(NAME_PATTERN), "bad profile name %s", name);
    Check.argument(description != null, "description must not be null");
    Check.argument(replicas.min() >= 1, "replicas.min must be >= 1, was %d", replicas.min());
  }

  /**
   * The workload: {@code kind}, {@code ops}, {@code keys} and {@code events} are drawn, the rest
   * fixed (see {@code WorkloadOptions} for their meaning).
   */
  public record Workload(
      Choice<WorkloadKind> kind,
      IntRange ops,
      IntRange keys,
      int hotKeys,
      Ratio hotRatio,
      Ratio readRatio,
      Ratio deleteRatio,
      int maxKeysPerWrite,
      IntRange events,
      long opGapTicksMean) {
    /** Validates the bounds that hold whatever is drawn. */
    public Workload {
      Check.argument(ops.min() >= 0, "ops.min must be >= 0, was %d", ops.min());
      Check.argument(ops.max() <= MAX_COUNT, "ops.max must be <= %d, was %d", MAX_COUNT, ops.max());
      Check.argument(
          keys.max() <= MAX_COUNT, "keys.max must be <= %d, was %d", MAX_COUNT, keys.max());
      Check.argument(
          events.max() <= MAX_COUNT, "events.max must be <= %d, was %d", MAX_COUNT, events.max());
      Check.argument(hotKeys >= 1, "hotKeys must be >= 1, was %d", hotKeys);
      Check.argument(
          hotKeys <= keys.min(), "hotKeys must be <= keys.min, was %d > %d", hotKeys, keys.min());
      Check.argument(maxKeysPerWrite >= 1, "maxKeysPerWrite must be >= 1, was %d", maxKeysPerWrite);
      Check.argument(events.min() >= 1, "events.min must be >= 1, was %d", events.min());
      Check.argument(opGapTicksMean >= 1, "opGapTicksMean must be >= 1, was %d", opGapTicksMean);
    }
  }

  /**
   * The network. With the {@code delay} fault, the delay's upper bound and distribution are drawn;
   * without it, delays are uniform in {@code [delayTicksMin, calmDelayTicksMax]}. {@code loss} and
   * {@code duplicate} apply only with the faults of the same names.
   */
  public record Network(
      long delayTicksMin,
      IntRange delayTicksMax,
      long calmDelayTicksMax,
      Choice<DelayDistribution> delayDistribution,
      Ratio loss,
      Ratio duplicate) {
    /** Validates the bounds. */
    public Network {
      Check.argument(delayTicksMin >= 1, "delayTicksMin must be >= 1, was %d", delayTicksMin);
      Check.argument(
          delayTicksMin <= delayTicksMax.min(),
          "delayTicksMin must be <= delayTicksMax.min, was %d > %d",
          delayTicksMin,
          delayTicksMax.min());
      Check.argument(
          delayTicksMin <= calmDelayTicksMax,
          "delayTicksMin must be <= calmDelayTicksMax, was %d > %d",
          delayTicksMin,
          calmDelayTicksMax);
    }
  }

  /**
   * Clock magnitudes: the drift guard, and the bounds of skew, drift, steps and strobing, each used
   * only with the fault of the same name (0 without it).
   */
  public record Clocks(
      long maxDriftMillis,
      long skewMillisMax,
      long driftPpmMax,
      long stepMillisMax,
      long strobeMillisMax) {
    /** Validates the bounds. */
    public Clocks {
      Check.argument(maxDriftMillis > 0, "maxDriftMillis must be > 0, was %d", maxDriftMillis);
      Check.argument(skewMillisMax >= 0, "skewMillisMax must be >= 0, was %d", skewMillisMax);
      Check.argument(driftPpmMax >= 0, "driftPpmMax must be >= 0, was %d", driftPpmMax);
      Check.argument(stepMillisMax >= 0, "stepMillisMax must be >= 0, was %d", stepMillisMax);
      Check.argument(strobeMillisMax >= 0, "strobeMillisMax must be >= 0, was %d", strobeMillisMax);
    }
  }

  /**
   * Timing in ticks (see {@code TimingOptions}). The sequencer clients' request timeout is {@code
   * requestTimeoutDelayFactor * delayTicksMax + requestTimeoutExtraTicks} of the run's network.
   */
  public record Timing(
      long syncIntervalTicks,
      long faultTicksMin,
      long faultTicksMax,
      long faultGapTicksMin,
      long faultGapTicksMax,
      long convergenceBudgetTicks,
      long requestTimeoutDelayFactor,
      long requestTimeoutExtraTicks,
      boolean antiEntropy) {
    /** Validates the bounds. */
    public Timing {
      Check.argument(
          syncIntervalTicks >= 1, "syncIntervalTicks must be >= 1, was %d", syncIntervalTicks);
      Check.argument(faultTicksMin >= 1, "faultTicksMin must be >= 1, was %d", faultTicksMin);
      Check.argument(
          faultTicksMin <= faultTicksMax,
          "need faultTicksMin <= faultTicksMax, was %d > %d",
          faultTicksMin,
          faultTicksMax);
      Check.argument(
          faultGapTicksMin >= 1, "faultGapTicksMin must be >= 1, was %d", faultGapTicksMin);
      Check.argument(
          faultGapTicksMin <= faultGapTicksMax,
          "need faultGapTicksMin <= faultGapTicksMax, was %d > %d",
          faultGapTicksMin,
          faultGapTicksMax);
      Check.argument(
          convergenceBudgetTicks >= 0,
          "convergenceBudgetTicks must be >= 0, was %d",
          convergenceBudgetTicks);
      Check.argument(
          requestTimeoutDelayFactor >= 0,
          "requestTimeoutDelayFactor must be >= 0, was %d",
          requestTimeoutDelayFactor);
      Check.argument(
          requestTimeoutExtraTicks >= 1,
          "requestTimeoutExtraTicks must be >= 1, was %d",
          requestTimeoutExtraTicks);
    }
  }
}
