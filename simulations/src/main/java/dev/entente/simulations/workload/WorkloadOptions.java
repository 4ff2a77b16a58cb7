package dev.entente.simulations.workload;

import dev.entente.model.Check;
import dev.entente.simulations.random.Ratio;
import java.util.Locale;

/**
 * The workload's knobs. Key-value: {@code keys} keys in groups of three, of which the first {@code
 * hotKeys} receive a {@code hotRatio} share of writes (contention). Calendar: {@code events}
 * events. Both: {@code ops} client ops, a {@code readRatio} share of reads, {@code deleteRatio} of
 * deletes (cancels), up to {@code maxKeysPerWrite} keys per write, and a mean gap between ops.
 * Immutable.
 */
public record WorkloadOptions(
    WorkloadKind kind,
    int ops,
    int keys,
    int hotKeys,
    Ratio hotRatio,
    Ratio readRatio,
    Ratio deleteRatio,
    int maxKeysPerWrite,
    int events,
    long opGapTicksMean) {
  /** Validates the knobs. */
  public WorkloadOptions {
    Check.argument(kind != null, "workload kind must not be null");
    Check.argument(ops >= 0, "ops must be >= 0, was %d", ops);
    Check.argument(
        keys >= 1 && hotKeys >= 1 && hotKeys <= keys, "bad key counts %d/%d", hotKeys, keys);
    Check.argument(maxKeysPerWrite >= 1, "maxKeysPerWrite must be >= 1");
    Check.argument(events >= 1, "events must be >= 1");
    Check.argument(opGapTicksMean >= 1, "opGapTicksMean must be >= 1");
  }

  /** The options as {@code key=value} words. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "workload=%s ops=%d keys=%d hot-keys=%d hot=%s reads=%s deletes=%s keys-per-write=%d"
            + " events=%d op-gap=%d",
        kind.optionName(),
        ops,
        keys,
        hotKeys,
        hotRatio,
        readRatio,
        deleteRatio,
        maxKeysPerWrite,
        events,
        opGapTicksMean);
  }
}
