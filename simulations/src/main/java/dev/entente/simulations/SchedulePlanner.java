package dev.entente.simulations;

import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.plan.PlannedFault;
import dev.entente.simulations.plan.PlannedOp;
import dev.entente.simulations.plan.Schedule;
import dev.entente.simulations.random.Prng;
import dev.entente.simulations.workload.WorkloadGenerator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Draws a run's {@link Schedule} from the plan stream: faults first (one timeline per fault family,
 * so faults of a family never overlap; at most {@link #MAX_JOINS} late joins), then client ops
 * spread over the safety window on the slots that exist at their tick. Stateless.
 */
public final class SchedulePlanner {
  /** Most late joins per run. */
  public static final int MAX_JOINS = 2;

  /** Ticks before the first fault: let the cluster exchange something first. */
  public static final long WARMUP_TICKS = 100;

  private SchedulePlanner() {}

  /** The schedule for {@code options}, drawn from {@code prng}. */
  public static Schedule plan(SimulationOptions options, Prng prng) {
    long window = Math.max(1_000, options.workload().ops() * options.workload().opGapTicksMean());
    List<PlannedFault> faults = new ArrayList<>();
    for (FaultKind.Family family :
        List.of(
            FaultKind.Family.NETWORK,
            FaultKind.Family.REPLICA,
            FaultKind.Family.CLOCK,
            FaultKind.Family.STORAGE)) {
      faults.addAll(timeline(options, family, window, prng));
    }
    List<Long> joins = new ArrayList<>();
    if (options.has(FaultKind.JOIN)) {
      int n = 1 + prng.nextInt(MAX_JOINS);
      for (int i = 0; i < n; i++) {
        long tick = prng.between(WARMUP_TICKS, WARMUP_TICKS + window * 2 / 3);
        joins.add(tick);
        faults.add(new PlannedFault(tick, 1, FaultKind.JOIN, prng.nextLong()));
      }
      joins.sort(Comparator.naturalOrder());
    }
    faults.sort(Comparator.comparingLong(PlannedFault::tick));
    List<PlannedOp> ops = ops(options, prng, joins);
    long lastOp = ops.isEmpty() ? 0 : ops.get(ops.size() - 1).tick();
    return new Schedule(ops, faults, Math.max(window, lastOp) + 1);
  }

  private static List<PlannedFault> timeline(
      SimulationOptions o, FaultKind.Family family, long window, Prng prng) {
    List<FaultKind> kinds = new ArrayList<>();
    for (FaultKind k : o.faults()) {
      if (k.family() == family) {
        kinds.add(k);
      }
    }
    List<PlannedFault> out = new ArrayList<>();
    if (kinds.isEmpty()) {
      return out;
    }
    TimingOptions t = o.timing();
    long cursor = WARMUP_TICKS + prng.between(0, t.faultGapTicksMax());
    while (cursor < window) {
      FaultKind kind = prng.pick(kinds);
      long duration = prng.between(t.faultTicksMin(), t.faultTicksMax());
      out.add(new PlannedFault(cursor, duration, kind, prng.nextLong()));
      cursor += duration + prng.between(t.faultGapTicksMin(), t.faultGapTicksMax());
    }
    return out;
  }

  private static List<PlannedOp> ops(SimulationOptions o, Prng prng, List<Long> joins) {
    WorkloadGenerator gen = new WorkloadGenerator(o.workload(), prng);
    long mean = o.workload().opGapTicksMean();
    List<PlannedOp> out = new ArrayList<>();
    long tick = WARMUP_TICKS / 2;
    for (int i = 0; i < o.workload().ops(); i++) {
      tick += prng.between(1, 2 * mean - 1);
      int slots = o.replicas();
      for (long j : joins) {
        if (j < tick) {
          slots++;
        }
      }
      out.add(new PlannedOp(tick, prng.nextInt(slots), gen.next()));
    }
    return out;
  }
}
