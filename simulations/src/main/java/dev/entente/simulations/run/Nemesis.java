package dev.entente.simulations.run;

import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.plan.PlannedFault;
import dev.entente.simulations.random.Prng;
import java.util.Set;

/**
 * Jepsen's nemesis: starts planned faults of its family during the safety phase, ends them when
 * they expire, and ends every one of them at the final heal. Each records what it did as nemesis
 * events ({@code :info}, process {@code :nemesis}) through its {@link World}; a fault whose target
 * does not exist when it starts is skipped and recorded as {@code :skip}. A {@link
 * CompositeNemesis} routes each fault to the family that handles it.
 */
interface Nemesis {
  /** The fault kinds this nemesis starts. */
  Set<FaultKind> kinds();

  /**
   * Starts {@code fault} (one of {@link #kinds()}) at its tick, in the safety phase.
   *
   * @param prng the fault's own generator (seeded by the fault), for its targets and sizes
   */
  void start(PlannedFault fault, Prng prng);

  /** Ends every fault this nemesis started: the start of the convergence phase. */
  void healAll();

  /** The tick at which {@code fault} ends. */
  static long end(PlannedFault fault) {
    return fault.tick() + fault.durationTicks();
  }
}
