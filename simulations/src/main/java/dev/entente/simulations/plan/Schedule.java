package dev.entente.simulations.plan;

import java.util.List;

/**
 * A run's plan as explicit data: the client ops and the faults, each at a tick, and the tick at
 * which the safety phase ends. It is drawn from the seed up front and then executed, so a shrinker
 * can drop ops or faults and run the rest. Immutable.
 */
public record Schedule(List<PlannedOp> ops, List<PlannedFault> faults, long safetyEndTick) {
  /** Copies the lists. */
  public Schedule {
    ops = List.copyOf(ops);
    faults = List.copyOf(faults);
  }

  /** A copy with other ops. */
  public Schedule withOps(List<PlannedOp> newOps) {
    return new Schedule(newOps, faults, safetyEndTick);
  }

  /** A copy with other faults. */
  public Schedule withFaults(List<PlannedFault> newFaults) {
    return new Schedule(ops, newFaults, safetyEndTick);
  }

  /** The plan as text, one entry per line. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    b.append("safety ends at tick ").append(safetyEndTick).append('\n');
    for (PlannedFault f : faults) {
      b.append("fault ").append(f).append('\n');
    }
    for (PlannedOp o : ops) {
      b.append("op ").append(o).append('\n');
    }
    return b.toString();
  }
}
