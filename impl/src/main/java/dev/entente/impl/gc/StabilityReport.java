package dev.entente.impl.gc;

import dev.entente.model.Check;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;

/**
 * The anti-entropy message by which a member tells the others what it has delivered: its contiguous
 * prefix of delivered dots (its version vector) at the moment it sends the report. Sans-IO: the
 * simulator or a transport carries it; {@link StabilityTracker#receive} takes it. Immutable.
 *
 * <p>Reports are monotone: a member's later report dominates its earlier ones, so receiving an old
 * or duplicated report changes nothing.
 *
 * @param member who reports
 * @param delivered what it has delivered without gaps
 */
public record StabilityReport(ReplicaId member, VersionVector delivered) {
  /** Validates that neither part is null. */
  public StabilityReport {
    Check.argument(member != null, "report member must not be null");
    Check.argument(delivered != null, "report delivered must not be null");
  }
}
