package dev.entente.campaign;

import org.jspecify.annotations.Nullable;

/**
 * One relay run of the trust experiment ({@link TrustExperiment}). Immutable.
 *
 * @param passed whether every relay checker said valid
 * @param failedBy the checkers that did not, comma-separated (empty if passed)
 * @param sealed whether envelopes travelled sealed
 * @param evidence what the honest clients hold against the attack: rejected envelopes and frames
 *     (tamper, forge, removal, timestamps), refused heads (forge), alarms (withhold, rollback,
 *     fork) or equivocation proofs (equivocate); null for the attacks that only cost time
 * @param alarms freshness alarms raised by honest clients
 * @param slowestAlarmRounds the largest rounds from hearing of a hidden envelope to its alarm, or
 *     null without alarms
 * @param rejected envelopes, frames and rotations the honest clients refused
 * @param lostChanges honest changes some honest client lacks at the end
 * @param storedFrames frames the relay stored
 * @param storedBytes bytes the relay stored
 * @param forwardedBytes bytes the relay forwarded
 * @param confidential whether the confidentiality checker found no plaintext or key in relay bytes
 * @param replay the command that reruns the run
 */
public record TrustMetrics(
    boolean passed,
    String failedBy,
    boolean sealed,
    @Nullable Long evidence,
    long alarms,
    @Nullable Long slowestAlarmRounds,
    long rejected,
    long lostChanges,
    long storedFrames,
    long storedBytes,
    long forwardedBytes,
    boolean confidential,
    String replay)
    implements Metrics {}
