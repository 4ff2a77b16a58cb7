package dev.entente.simulations;

import dev.entente.impl.clock.ClockKind;
import dev.entente.model.Check;
import java.util.Locale;

/**
 * Clock knobs: the timestamp clock every replica runs, its drift guard, and the bounds from which
 * per-replica skew and drift (ambient) and step and strobe sizes (scheduled) are drawn. A clock
 * step sets the replica's step offset to a value in {@code [-stepMillisMax, stepMillisMax]} (a
 * "bump"; steps do not accumulate). Immutable.
 */
public record ClockOptions(
    ClockKind kind,
    long maxDriftMillis,
    long skewMillisMax,
    long driftPpmMax,
    long stepMillisMax,
    long strobeMillisMax) {
  /** Validates the bounds. */
  public ClockOptions {
    Check.argument(kind != null, "clock kind must not be null");
    Check.argument(maxDriftMillis > 0, "maxDriftMillis must be > 0");
    Check.argument(
        skewMillisMax >= 0 && driftPpmMax >= 0 && stepMillisMax >= 0 && strobeMillisMax >= 0,
        "clock bounds must be >= 0");
  }

  /** The option name of a clock kind: {@code wall}, {@code lamport} or {@code hlc}. */
  public static String name(ClockKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  /** Parses a clock option name. */
  public static ClockKind parseKind(String name) {
    for (ClockKind k : ClockKind.values()) {
      if (name(k).equals(name)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "'" + name + "' is not a clock; expected wall, lamport or hlc");
  }

  /** The options as {@code key=value} words. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "clock=%s max-drift=%d skew-max=%d drift-ppm-max=%d step-max=%d strobe-max=%d",
        name(kind),
        maxDriftMillis,
        skewMillisMax,
        driftPpmMax,
        stepMillisMax,
        strobeMillisMax);
  }
}
