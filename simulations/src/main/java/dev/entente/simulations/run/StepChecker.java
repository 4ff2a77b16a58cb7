package dev.entente.simulations.run;

import dev.entente.model.check.CheckResult;
import dev.entente.model.check.ReplicaObservation;
import dev.entente.model.history.HistoryOp;
import java.util.List;
import java.util.function.Supplier;

/**
 * A check run after every step of the simulation. A result that is not VALID stops the run and
 * fails it. Must be deterministic and must not mutate what it is shown.
 */
@FunctionalInterface
public interface StepChecker {
  /** What a step checker sees: the tick, the event that just ran, observations and history. */
  record StepView(
      long tick,
      String event,
      Supplier<List<ReplicaObservation>> observations,
      List<HistoryOp> history) {}

  /** Judges the state after one step. */
  CheckResult check(StepView view);
}
