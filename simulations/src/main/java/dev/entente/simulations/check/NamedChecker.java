package dev.entente.simulations.check;

import dev.entente.impl.clock.ClockKind;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.check.CalendarInvariant;
import dev.entente.model.check.CausalOverwriteChecker;
import dev.entente.model.check.CheckResult;
import dev.entente.model.check.Checker;
import dev.entente.model.check.ConvergenceChecker;
import dev.entente.model.check.OracleAgreementChecker;
import dev.entente.model.check.ReplicaObservation;
import dev.entente.model.check.SessionGuaranteesChecker;
import dev.entente.simulations.SimulationOptions;
import dev.entente.simulations.SimulationOutcome;
import dev.entente.simulations.schema.RolloutCheckers;
import dev.entente.simulations.sync.SyncKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A checker of whole runs, the name it reports under, and the design variants for which a violation
 * is an <em>expected anomaly</em> rather than a bug. For example per-key LWW with plain wall clocks
 * loses causally later writes under skew by design: the campaign counts that, but a run of that
 * variant does not fail for it. Immutable.
 */
public record NamedChecker(
    String name, Checker<SimulationOutcome> checker, Predicate<SimulationOptions> anomalyAllowed) {

  /** A checker whose violations are always failures. */
  public NamedChecker(String name, Checker<SimulationOutcome> checker) {
    this(name, checker, options -> false);
  }

  /** Name of the eventual-convergence check (all replicas equal after healing). */
  public static final String EVENTUAL_CONVERGENCE = "eventual-convergence";

  /** Name of the strong-convergence check at the end of the safety phase. */
  public static final String STRONG_CONVERGENCE = ConvergenceChecker.NAME;

  /** Name of the oracle-agreement check (both phases). */
  public static final String ORACLE_AGREEMENT = OracleAgreementChecker.NAME;

  /** True if this checker's violations are expected for the run's design variant. */
  public boolean allowsAnomalyIn(SimulationOptions options) {
    return anomalyAllowed.test(options);
  }

  /**
   * The CRDT checkers every run is judged by: eventual and strong convergence, agreement with the
   * oracle after both phases, the session guarantees, no causally later write lost, no
   * resurrection, the calendar workload's start-before-end invariant, and (in storage-backed runs)
   * that no acknowledged write is lost.
   *
   * <p>Expected anomalies: wall clocks and the causal-group policy may lose causally later writes
   * (and so resurrect deleted keys); with wall clocks the drift guard may refuse an origin's change
   * yet accept its next one, breaking per-origin monotonic writes; the per-key policies (LWW and
   * MV) may show impossible calendar states, since they resolve each key on its own; so may the
   * single-server sequencer, which applies a client's blind write made from a stale read (it is
   * linearizable, but nothing checks the edit against the state it lands on).
   */
  public static List<NamedChecker> defaults() {
    Predicate<SimulationOptions> mayLoseCausalWrites =
        o -> o.clock().kind() == ClockKind.WALL || o.policy() == RegisterPolicy.CAUSAL_GROUP;
    List<NamedChecker> all = new ArrayList<>();
    all.add(
        new NamedChecker(
            EVENTUAL_CONVERGENCE,
            o ->
                nonEmpty(
                    EVENTUAL_CONVERGENCE,
                    o.finalObservations(),
                    ConvergenceChecker::allDeliveredTheSame)));
    all.add(
        new NamedChecker(
            STRONG_CONVERGENCE, o -> new ConvergenceChecker().check(o.safetyObservations())));
    all.add(
        new NamedChecker(
            ORACLE_AGREEMENT,
            o -> {
              List<ReplicaObservation> both = new ArrayList<>(o.safetyObservations());
              both.addAll(o.finalObservations());
              return new OracleAgreementChecker(o.policy(), o.groups()).check(both);
            }));
    all.add(
        new NamedChecker(
            SessionGuaranteesChecker.NAME, o -> SessionGuaranteesChecker.perSession(o.history())));
    all.add(
        new NamedChecker(
            SessionGuaranteesChecker.MONOTONIC_WRITES,
            o -> SessionGuaranteesChecker.monotonicWrites(o.history()),
            o -> o.clock().kind() == ClockKind.WALL));
    all.add(
        new NamedChecker(
            CausalOverwriteChecker.LOST_WRITE,
            o -> CausalOverwriteChecker.lostWrites().check(o.history()),
            mayLoseCausalWrites));
    all.add(
        new NamedChecker(
            CausalOverwriteChecker.RESURRECTION,
            o -> CausalOverwriteChecker.resurrections().check(o.history()),
            mayLoseCausalWrites));
    all.add(
        new NamedChecker(
            CalendarInvariant.NAME,
            o -> CalendarInvariant.checker().check(o.history()),
            o -> o.policy() != RegisterPolicy.CAUSAL_GROUP || o.sync() == SyncKind.SEQUENCER));
    all.add(new NamedChecker(DurabilityChecker.NAME, DurabilityChecker::check));
    addRolloutCheckers(all);
    return List.copyOf(all);
  }

  /** The schema rollout's checkers (issue 12): VALID with "no rollout" on other runs. */
  private static void addRolloutCheckers(List<NamedChecker> all) {
    all.add(
        new NamedChecker(
            RolloutCheckers.CONVERGENCE, o -> RolloutCheckers.convergence(o.rollout())));
    all.add(
        new NamedChecker(
            RolloutCheckers.NO_WRITE_LOST, o -> RolloutCheckers.noWriteLost(o.rollout())));
    all.add(
        new NamedChecker(RolloutCheckers.INVARIANTS, o -> RolloutCheckers.invariants(o.rollout())));
    all.add(new NamedChecker(RolloutCheckers.ORACLE, o -> RolloutCheckers.oracle(o.rollout())));
  }

  private static CheckResult nonEmpty(
      String name,
      List<ReplicaObservation> observations,
      Checker<List<ReplicaObservation>> checker) {
    return observations.isEmpty()
        ? CheckResult.unknown(name, "no observations (the run broke or no replica is up)")
        : checker.check(observations);
  }
}
