package dev.entente.node.jepsen;

import dev.entente.model.KeyGroups;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.check.CalendarInvariant;
import dev.entente.model.check.CausalOverwriteChecker;
import dev.entente.model.check.CheckResult;
import dev.entente.model.check.Checker;
import dev.entente.model.check.ConvergenceChecker;
import dev.entente.model.check.OracleAgreementChecker;
import dev.entente.model.check.ReplicaObservation;
import dev.entente.model.check.SessionGuaranteesChecker;
import dev.entente.model.history.History;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges a real run with the simulator's checkers (the nodes are LWW over an HLC, so none of the
 * simulator's expected anomalies applies): eventual and strong convergence and oracle agreement on
 * the nodes' final states, the session guarantees, no causally later write lost, no resurrection
 * and the calendar invariant on the history, and no acknowledged write lost on both.
 */
final class RunJudge {
  /** The composite's name. */
  static final String NAME = "jepsen";

  private RunJudge() {}

  static CheckResult judge(History history, List<ReplicaObservation> finals) {
    List<CheckResult> parts = new ArrayList<>();
    parts.add(
        finals.isEmpty()
            ? CheckResult.unknown("eventual-convergence", "no node could be observed")
            : Checker.safely(
                "eventual-convergence", ConvergenceChecker::allDeliveredTheSame, finals));
    parts.add(Checker.safely(ConvergenceChecker.NAME, new ConvergenceChecker(), finals));
    parts.add(
        Checker.safely(
            OracleAgreementChecker.NAME,
            new OracleAgreementChecker(RegisterPolicy.LWW, KeyGroups.byParentPath()),
            finals));
    parts.add(
        Checker.safely(
            SessionGuaranteesChecker.NAME, SessionGuaranteesChecker::perSession, history));
    parts.add(
        Checker.safely(
            SessionGuaranteesChecker.MONOTONIC_WRITES,
            SessionGuaranteesChecker::monotonicWrites,
            history));
    parts.add(
        Checker.safely(
            CausalOverwriteChecker.LOST_WRITE, CausalOverwriteChecker.lostWrites(), history));
    parts.add(
        Checker.safely(
            CausalOverwriteChecker.RESURRECTION, CausalOverwriteChecker.resurrections(), history));
    parts.add(Checker.safely(CalendarInvariant.NAME, CalendarInvariant.checker(), history));
    parts.add(
        Checker.safely(
            AcknowledgedWrites.NAME,
            new AcknowledgedWrites(),
            new AcknowledgedWrites.Input(history, finals)));
    return CheckResult.all(NAME, parts);
  }
}
