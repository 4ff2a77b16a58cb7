package dev.entente.peers.sim;

import dev.entente.model.check.CalendarInvariant;
import dev.entente.model.check.CausalOverwriteChecker;
import dev.entente.model.check.CheckResult;
import dev.entente.model.check.ConvergenceChecker;
import dev.entente.model.check.SessionGuaranteesChecker;
import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.KvOps;
import dev.entente.model.history.OpType;
import dev.entente.peers.protocol.PeerFinding;
import java.util.ArrayList;
import java.util.List;

/**
 * The checkers that hold for any LWW-style map, applied to a peer run: the protocol (no finding),
 * eventual convergence (quiescent within the budget, same knowledge and map everywhere), strong
 * convergence (replicas given the same changes show the same map, at the end of the safety phase
 * and of the run), the per-session guarantees, no causally later write lost and no resurrection.
 * The calendar invariant is not a verdict: per-key maps may break it by design, so it is counted
 * ({@link #calendarAnomalies}). Pure functions; never throw.
 */
public final class PeerVerdicts {
  /** Name of the protocol verdict. */
  public static final String PROTOCOL = "replica-protocol";

  /** Name of the eventual-convergence verdict. */
  public static final String EVENTUAL = "eventual-convergence";

  private PeerVerdicts() {}

  /** Every verdict on {@code o}, in a fixed order. */
  public static List<CheckResult> judge(PeerRunOutcome o) {
    List<CheckResult> out = new ArrayList<>();
    PeerFinding f = o.finding();
    out.add(
        f == null
            ? CheckResult.valid(PROTOCOL, "every request answered")
            : CheckResult.invalid(PROTOCOL, f.describe()));
    if (f != null) {
      return out;
    }
    out.add(eventual(o));
    List<dev.entente.model.check.ReplicaObservation> both = new ArrayList<>(o.safetyObservations());
    both.addAll(o.finalObservations());
    out.add(safely(ConvergenceChecker.NAME, () -> new ConvergenceChecker().check(both)));
    out.add(
        safely(
            SessionGuaranteesChecker.NAME, () -> SessionGuaranteesChecker.perSession(o.history())));
    out.add(
        safely(
            CausalOverwriteChecker.LOST_WRITE,
            () -> CausalOverwriteChecker.lostWrites().check(o.history())));
    out.add(
        safely(
            CausalOverwriteChecker.RESURRECTION,
            () -> CausalOverwriteChecker.resurrections().check(o.history())));
    return out;
  }

  /** True if no verdict is INVALID. */
  public static boolean passed(List<CheckResult> verdicts) {
    for (CheckResult r : verdicts) {
      if (r.verdict() == dev.entente.model.check.Verdict.INVALID) {
        return false;
      }
    }
    return true;
  }

  /** Reads that showed an impossible calendar state (an event ending before it starts). */
  public static long calendarAnomalies(PeerRunOutcome o) {
    long n = 0;
    for (HistoryOp op : o.history().ops()) {
      if (op.type() == OpType.OK
          && op.f().equals(KvOps.READ)
          && !CalendarInvariant.violations(KvOps.readView(op.value())).isEmpty()) {
        n++;
      }
    }
    return n;
  }

  private static CheckResult eventual(PeerRunOutcome o) {
    if (!o.quiescent()) {
      return CheckResult.invalid(
          EVENTUAL,
          "not quiescent within "
              + o.options().timing().convergenceBudgetTicks()
              + " ticks after healing: "
              + ConvergenceChecker.allDeliveredTheSame(o.finalObservations()).explanation());
    }
    return safely(EVENTUAL, () -> ConvergenceChecker.allDeliveredTheSame(o.finalObservations()));
  }

  private static CheckResult safely(String name, java.util.function.Supplier<CheckResult> check) {
    try {
      return check.get();
    } catch (RuntimeException e) {
      return CheckResult.unknown(name, "checker broke: " + e);
    }
  }
}
