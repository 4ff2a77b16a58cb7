package dev.entente.simulations;

import dev.entente.model.Check;
import java.util.Locale;

/**
 * Timing knobs in ticks (1 tick = 1 ms): the sync timer period, fault durations and gaps, the
 * convergence-phase budget, the sequencer clients' request timeout, and whether periodic
 * anti-entropy runs at all (off only to prove that the convergence check bites). Immutable.
 */
public record TimingOptions(
    long syncIntervalTicks,
    long faultTicksMin,
    long faultTicksMax,
    long faultGapTicksMin,
    long faultGapTicksMax,
    long convergenceBudgetTicks,
    long requestTimeoutTicks,
    boolean antiEntropy) {
  /** Validates the knobs. */
  public TimingOptions {
    Check.argument(syncIntervalTicks >= 1, "sync interval must be >= 1");
    Check.argument(1 <= faultTicksMin && faultTicksMin <= faultTicksMax, "bad fault durations");
    Check.argument(1 <= faultGapTicksMin && faultGapTicksMin <= faultGapTicksMax, "bad fault gaps");
    Check.argument(convergenceBudgetTicks >= 0, "convergence budget must be >= 0");
    Check.argument(requestTimeoutTicks >= 1, "request timeout must be >= 1");
  }

  /** A copy with another convergence budget. */
  public TimingOptions withConvergenceBudget(long ticks) {
    return new TimingOptions(
        syncIntervalTicks,
        faultTicksMin,
        faultTicksMax,
        faultGapTicksMin,
        faultGapTicksMax,
        ticks,
        requestTimeoutTicks,
        antiEntropy);
  }

  /** A copy with anti-entropy on or off. */
  public TimingOptions withAntiEntropy(boolean on) {
    return new TimingOptions(
        syncIntervalTicks,
        faultTicksMin,
        faultTicksMax,
        faultGapTicksMin,
        faultGapTicksMax,
        convergenceBudgetTicks,
        requestTimeoutTicks,
        on);
  }

  /** The options as {@code key=value} words. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "sync-interval=%d fault-ticks=%d..%d fault-gap=%d..%d convergence-budget=%d"
            + " request-timeout=%d anti-entropy=%s",
        syncIntervalTicks,
        faultTicksMin,
        faultTicksMax,
        faultGapTicksMin,
        faultGapTicksMax,
        convergenceBudgetTicks,
        requestTimeoutTicks,
        antiEntropy);
  }
}
