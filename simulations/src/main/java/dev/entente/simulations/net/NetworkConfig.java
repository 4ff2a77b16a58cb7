package dev.entente.simulations.net;

import dev.entente.model.Check;
import dev.entente.simulations.random.Ratio;
import java.util.Locale;

/**
 * The network's per-message behaviour: delay distribution and bounds, loss, duplication, and
 * whether links may reorder (if not, each directed link is FIFO). Immutable.
 */
public record NetworkConfig(
    long delayTicksMin,
    long delayTicksMax,
    DelayDistribution delay,
    Ratio loss,
    Ratio duplicate,
    boolean reorder) {
  /** A fault-free network: 1 to 10 ticks, uniform, FIFO, no loss or duplicates. */
  public static final NetworkConfig CALM =
      new NetworkConfig(1, 10, DelayDistribution.UNIFORM, Ratio.ZERO, Ratio.ZERO, false);

  /** Validates the bounds. */
  public NetworkConfig {
    Check.argument(
        delayTicksMin >= 1 && delayTicksMin <= delayTicksMax,
        "need 1 <= delayTicksMin <= delayTicksMax, was %d, %d",
        delayTicksMin,
        delayTicksMax);
    Check.argument(delay != null && loss != null && duplicate != null, "null network option");
  }

  /** The options as {@code key=value} words for the run's first line. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "delay=%s:%d..%d loss=%s duplicate=%s reorder=%s",
        delay.optionName(),
        delayTicksMin,
        delayTicksMax,
        loss,
        duplicate,
        reorder);
  }
}
