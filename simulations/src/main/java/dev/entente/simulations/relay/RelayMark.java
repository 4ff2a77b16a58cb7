package dev.entente.simulations.relay;

import dev.entente.model.coverage.CoverageMark;

/**
 * The coverage marks of the relay world ({@code simulations.relay}): the paths the adversarial
 * relay, the removal and the Byzantine member should be shown to reach. A catalogue of its own,
 * apart from {@code SimMark}, because the peer-to-peer CI range never runs the relay; {@code
 * RelayMarksTest} requires the relay CI runs to reach each. Each is hit at exactly one place, named
 * in its Javadoc.
 */
public enum RelayMark implements CoverageMark {
  /** {@code ClientSealing.resealForNewReaders}. */
  RELAY_RESEALED_FOR_LATE_MEMBER(
      "a writer sealed its earlier envelopes again for a member it learnt of late"),
  /** {@code ClientSealing.retry}. */
  RELAY_FRAME_OPENED_AFTER_WAITING("a frame that arrived before its epoch's rotation opened later"),
  /** {@code ClientSealing.sealAsRemoved}. */
  RELAY_REMOVED_MEMBER_SEALED("a removed member sealed a write under the last epoch it read"),
  /** {@code RelayClient.handle}. */
  RELAY_NOT_A_MEMBER_REFUSED("a client refused a change whose author was not a member at its past"),
  /** {@code RelayClient.handle}. */
  RELAY_BAD_TIMESTAMP_REFUSED("a client refused a back- or future-dated change"),
  /** {@code IntegrityAttacks.tamper}. */
  RELAY_FRAME_MOVED("the relay moved a sealed frame to another author slot"),
  /** {@code FreshnessMonitor.pulled}. */
  RELAY_MISSING_PAST_ALARM("a client raised an alarm for a named envelope the relay kept hiding");

  private final String description;

  RelayMark(String description) {
    this.description = description;
  }

  @Override
  public String markName() {
    return CoverageMark.nameOf(this);
  }

  @Override
  public String description() {
    return description;
  }
}
