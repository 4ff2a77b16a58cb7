package dev.entente.impl.gc;

import dev.entente.model.Check;

/** What one garbage collection did. Immutable. */
public sealed interface GcResult permits GcResult.Collected, GcResult.HeldBack {
  /**
   * Garbage at or below {@code frontier} was collected.
   *
   * @param frontier the frontier collected at
   * @param tombstones tombstones dropped (LWW) by this collection
   * @param changes superseded causal-group changes dropped by this collection
   * @param logged delivered changes dropped from the delta-sync log by this collection
   */
  record Collected(StabilityFrontier frontier, long tombstones, long changes, long logged)
      implements GcResult {
    /** Validates the counts. */
    public Collected {
      Check.argument(frontier != null, "frontier must not be null");
      Check.argument(tombstones >= 0 && changes >= 0 && logged >= 0, "counts must be >= 0");
    }
  }

  /**
   * Nothing was collected, because the replica cannot yet prove the frontier safe.
   *
   * @param reason what is missing, with the vectors involved
   */
  record HeldBack(String reason) implements GcResult {
    /** Validates the reason. */
    public HeldBack {
      Check.argument(reason != null && !reason.isEmpty(), "reason must not be empty");
    }
  }
}
