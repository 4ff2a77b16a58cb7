package dev.entente.simulations.run;

import dev.entente.simulations.SchedulePlanner;
import dev.entente.simulations.SimulationOptions;
import dev.entente.simulations.plan.Schedule;
import dev.entente.simulations.random.RunRandom;

/**
 * Jepsen's generator, as data: what a run's clients and nemesis will do, each planned op and fault
 * at its tick, drawn up front into a {@link Schedule} so that a shrinker can drop entries and run
 * the rest. The {@link Simulation} hands the ops to its {@link Client} and the faults to its {@link
 * Nemesis}. Must be a pure function of the options.
 */
@FunctionalInterface
public interface Generator {
  /** The schedule of a run under {@code options}. */
  Schedule schedule(SimulationOptions options);

  /** The seed's own schedule: the workload and faults drawn from the seed's plan stream. */
  Generator SEEDED = options -> SchedulePlanner.plan(options, new RunRandom(options.seed()).plan());

  /** Always {@code schedule}, whatever the options (a replay or a shrunk schedule). */
  static Generator fixed(Schedule schedule) {
    return options -> schedule;
  }
}
