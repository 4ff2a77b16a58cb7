package dev.entente.simulations.driver;

import dev.entente.model.check.CheckResult;
import dev.entente.simulations.SimulationOptions;
import dev.entente.simulations.check.NamedChecker;
import dev.entente.simulations.plan.Schedule;
import dev.entente.simulations.run.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Minimises a failing schedule: removes faults, then client ops, in chunks that halve (a simple
 * form of Zeller's ddmin), keeping a removal whenever the run still fails with the same first
 * failing check. Deterministic; bounded by a run budget. Stateless.
 */
public final class Shrinker {
  /** The smallest failing schedule found, how many runs it took, and its verdict. */
  public record Shrunk(Schedule schedule, int runs, CheckResult check) {}

  private Shrinker() {}

  /**
   * Shrinks {@code failing}, which must fail under {@code options}.
   *
   * @param maxRuns most simulation runs to spend
   */
  public static Shrunk shrink(
      SimulationOptions options, Schedule failing, List<NamedChecker> checkers, int maxRuns) {
    CheckResult original = verdict(options, failing, checkers);
    String signature = signature(original);
    int[] runs = {1};
    Predicate<Schedule> fails =
        s -> {
          runs[0]++;
          CheckResult r = verdict(options, s, checkers);
          return !r.isValid() && signature(r).equals(signature);
        };
    Schedule best = failing;
    best = minimise(best, Schedule::faults, Schedule::withFaults, fails, runs, maxRuns);
    best = minimise(best, Schedule::ops, Schedule::withOps, fails, runs, maxRuns);
    return new Shrunk(best, runs[0], verdict(options, best, checkers));
  }

  private static <T> Schedule minimise(
      Schedule start,
      Function<Schedule, List<T>> get,
      java.util.function.BiFunction<Schedule, List<T>, Schedule> with,
      Predicate<Schedule> fails,
      int[] runs,
      int maxRuns) {
    Schedule best = start;
    int chunk = Math.max(1, get.apply(best).size() / 2);
    while (chunk >= 1 && runs[0] < maxRuns) {
      int i = 0;
      while (i < get.apply(best).size() && runs[0] < maxRuns) {
        List<T> items = get.apply(best);
        List<T> candidate = new ArrayList<>(items.subList(0, i));
        candidate.addAll(items.subList(Math.min(items.size(), i + chunk), items.size()));
        Schedule s = with.apply(best, candidate);
        if (fails.test(s)) {
          best = s;
        } else {
          i += chunk;
        }
      }
      chunk /= 2;
    }
    return best;
  }

  private static CheckResult verdict(
      SimulationOptions options, Schedule schedule, List<NamedChecker> checkers) {
    return SimulationRunner.judge(Simulation.run(options, schedule, List.of(), false), checkers);
  }

  /** The names of the failing parts: a shrunk run must fail the same way. */
  private static String signature(CheckResult r) {
    StringBuilder b = new StringBuilder();
    for (CheckResult p : r.parts()) {
      if (!p.isValid()) {
        b.append(p.checker()).append(';');
      }
    }
    return b.toString();
  }
}
