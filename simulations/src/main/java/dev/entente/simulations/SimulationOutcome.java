package dev.entente.simulations;

import dev.entente.model.Change;
import dev.entente.model.Check;
import dev.entente.model.KeyGroups;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.check.CheckResult;
import dev.entente.model.check.ReplicaObservation;
import dev.entente.model.history.History;
import dev.entente.simulations.event.RunEvent;
import dev.entente.simulations.plan.Schedule;
import dev.entente.simulations.schema.RolloutRecord;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Everything a finished run leaves for the checkers ({@code Checker<SimulationOutcome>}): the
 * options and schedule, the Jepsen history (client ops and nemesis events), the replicas'
 * observations at the end of the safety phase and at the end of the convergence phase, the changes
 * still held undelivered per replica at the end, the policy and key groups, whether the cluster
 * became quiescent within the budget, an error if the run itself broke (an invariant violation, a
 * failed {@code checkRep()}, an exception) with its full stack trace, the first failing step check,
 * counters, the trace hash, (when the run kept its trace) the trace lines and the typed run events,
 * and the coverage marks the run hit (mark name to hits, sorted; filled in by {@code
 * SimulationRunner}, empty from a bare {@code Simulation.run}), and the schema rollout's record
 * ({@link RolloutRecord#NONE} unless the workload is a rollout). Immutable.
 *
 * <p>Observations are of live replicas only (retired incarnations are gone). Under the sequencer
 * there is one observation, the server's.
 */
public record SimulationOutcome(
    SimulationOptions options,
    Schedule schedule,
    History history,
    List<ReplicaObservation> safetyObservations,
    List<ReplicaObservation> finalObservations,
    SortedMap<ReplicaId, List<Change>> finalHeld,
    KeyGroups groups,
    boolean quiescent,
    @Nullable String error,
    @Nullable String errorStackTrace,
    @Nullable CheckResult stepFailure,
    RunStats stats,
    String traceHash,
    List<String> trace,
    List<RunEvent> events,
    SortedMap<String, Long> marks,
    RolloutRecord rollout) {
  /** Copies the collections. */
  public SimulationOutcome {
    safetyObservations = List.copyOf(safetyObservations);
    finalObservations = List.copyOf(finalObservations);
    finalHeld = Collections.unmodifiableSortedMap(new TreeMap<>(finalHeld));
    trace = List.copyOf(trace);
    events = List.copyOf(events);
    marks = Collections.unmodifiableSortedMap(new TreeMap<>(marks));
    Check.argument(
        (error == null) == (errorStackTrace == null), "an error comes with its stack trace");
  }

  /** This outcome with the run's coverage mark counts (mark name to hits). */
  public SimulationOutcome withMarks(SortedMap<String, Long> runMarks) {
    return new SimulationOutcome(
        options,
        schedule,
        history,
        safetyObservations,
        finalObservations,
        finalHeld,
        groups,
        quiescent,
        error,
        errorStackTrace,
        stepFailure,
        stats,
        traceHash,
        trace,
        events,
        runMarks,
        rollout);
  }

  /** The register policy of the run. */
  public RegisterPolicy policy() {
    return options.policy();
  }
}
