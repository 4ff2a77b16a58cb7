package dev.entente.impl.gc;

import dev.entente.model.Check;
import dev.entente.model.VersionVector;

/**
 * What a replica may collect garbage at. Immutable.
 *
 * <p>{@code stable} covers the dots every current member reported delivered; {@code heads} holds,
 * per member, the member's own counter in its report. A change its author made after reporting has
 * seen that report, and so everything {@code stable} covers. A replica that has delivered {@code
 * heads} has therefore received every change made before the reports, and every change it receives
 * later has seen {@code stable}: garbage at or below {@code stable} can never be needed again by a
 * current member.
 *
 * @param stable the stability frontier (the members' reports' entry-wise minimum)
 * @param heads each member's own counter in its report
 */
public record StabilityFrontier(VersionVector stable, VersionVector heads) {
  /** The frontier that makes nothing stable. */
  public static final StabilityFrontier NONE =
      new StabilityFrontier(VersionVector.EMPTY, VersionVector.EMPTY);

  /** Validates that neither part is null. */
  public StabilityFrontier {
    Check.argument(stable != null, "stable must not be null");
    Check.argument(heads != null, "heads must not be null");
  }
}
