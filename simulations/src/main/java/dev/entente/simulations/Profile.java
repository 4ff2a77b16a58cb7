package dev.entente.simulations;

import dev.entente.impl.clock.ClockKind;
import dev.entente.model.RegisterPolicy;
import dev.entente.simulations.net.DelayDistribution;
import dev.entente.simulations.net.NetworkConfig;
import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.random.Prng;
import dev.entente.simulations.random.Ratio;
import dev.entente.simulations.random.RunRandom;
import dev.entente.simulations.sync.SyncKind;
import dev.entente.simulations.workload.WorkloadKind;
import dev.entente.simulations.workload.WorkloadOptions;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Named option profiles. Every profile draws the same fixed sequence of values from the seed's
 * option stream (so an explicit option never shifts another draw), then uses the ones it needs;
 * {@link Overrides} win last.
 *
 * <ul>
 *   <li>{@code default}: 3-5 replicas, LWW over HLC, sync and workload drawn per seed, a moderate
 *       mix of every fault family (one-sided and majority partitions, one-way cuts, clogging,
 *       crashes, pauses, clock steps, loss, duplication, reordering, delay spread, skew, drift).
 *   <li>{@code calm}: 3 replicas, no faults.
 *   <li>{@code partitions}: 3-6 replicas, every partition shape, clogging and swizzle-clogging.
 *   <li>{@code clock-skew}: clock drawn among wall, lamport and hlc; large skew, drift, steps and
 *       strobing.
 *   <li>{@code crashes}: crash and restart, amnesia, pause, late join.
 *   <li>{@code swarm}: everything drawn per seed: 2-6 replicas, each fault with chance 1/2, the
 *       policy, the clock, the sync variant (the sequencer 1 time in 8), the workload, 50-400 ops
 *       and the network's parameters.
 * </ul>
 *
 * Under the sequencer, amnesia is never enabled: the baseline has one unreplicated server, and
 * wiping it would lose acknowledged writes by design rather than by bug.
 */
public enum Profile {
  DEFAULT,
  CALM,
  PARTITIONS,
  CLOCK_SKEW,
  CRASHES,
  SWARM;

  private static final Set<FaultKind> DEFAULT_FAULTS =
      EnumSet.of(
          FaultKind.PARTITION_ONE,
          FaultKind.PARTITION_MAJORITY,
          FaultKind.PARTITION_ONE_WAY,
          FaultKind.CLOG,
          FaultKind.CRASH,
          FaultKind.PAUSE,
          FaultKind.CLOCK_STEP,
          FaultKind.LOSS,
          FaultKind.DUPLICATE,
          FaultKind.REORDER,
          FaultKind.DELAY,
          FaultKind.SKEW,
          FaultKind.DRIFT);

  private static final List<SyncKind> REPLICATED =
      List.of(SyncKind.OP, SyncKind.STATE, SyncKind.DELTA);

  /** The option name, e.g. {@code clock-skew}. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses an option name. */
  public static Profile parse(String name) {
    for (Profile p : values()) {
      if (p.optionName().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "'"
            + name
            + "' is not a profile; expected default, calm, partitions, clock-skew, crashes"
            + " or swarm");
  }

  /** Resolves every option of the run with {@code seed}. */
  public SimulationOptions resolve(long seed, Overrides o) {
    Draws d = new Draws(new RunRandom(seed).options());
    boolean swarm = this == SWARM;
    int maxReplicas = swarm || this == PARTITIONS ? 6 : this == CALM ? 3 : 5;
    int replicas = (int) d.between(swarm ? 2 : 3, maxReplicas);
    RegisterPolicy policy =
        swarm ? d.pick(List.of(RegisterPolicy.values())) : d.skip(RegisterPolicy.LWW);
    long syncDraw = d.between(0, 7);
    SyncKind sync =
        swarm && syncDraw == 0 ? SyncKind.SEQUENCER : REPLICATED.get((int) (syncDraw % 3));
    ClockKind clock =
        swarm || this == CLOCK_SKEW ? d.pick(List.of(ClockKind.values())) : d.skip(ClockKind.HLC);
    WorkloadKind workload = d.pick(List.of(WorkloadKind.values()));
    Set<FaultKind> faults = faults(d);
    int ops = (int) (swarm ? d.between(50, 400) : d.skip(200L));
    long delayMax = swarm ? d.between(5, 60) : d.between(10, 30);
    DelayDistribution dist = d.pick(List.of(DelayDistribution.values()));
    int keys = (int) d.between(12, 40);
    int events = (int) d.between(3, 10);

    if (o.replicas() != null) {
      replicas = o.replicas();
    }
    policy = o.policy() != null ? o.policy() : policy;
    sync = o.sync() != null ? o.sync() : sync;
    clock = o.clock() != null ? o.clock() : clock;
    workload = o.workload() != null ? o.workload() : workload;
    EnumSet<FaultKind> chosen = EnumSet.noneOf(FaultKind.class);
    chosen.addAll(o.faults() != null ? o.faults() : faults);
    faults = chosen;
    if (sync == SyncKind.SEQUENCER) {
      faults.remove(FaultKind.AMNESIA);
    }
    ops = o.ops() != null ? o.ops() : ops;
    boolean bigClocks = swarm || this == CLOCK_SKEW;
    NetworkConfig network =
        new NetworkConfig(
            1,
            faults.contains(FaultKind.DELAY) ? delayMax : 10,
            faults.contains(FaultKind.DELAY) ? dist : DelayDistribution.UNIFORM,
            faults.contains(FaultKind.LOSS) ? Ratio.of(1, 20) : Ratio.ZERO,
            faults.contains(FaultKind.DUPLICATE) ? Ratio.of(1, 20) : Ratio.ZERO,
            faults.contains(FaultKind.REORDER));
    ClockOptions clocks =
        new ClockOptions(
            clock,
            o.maxDriftMillis() != null ? o.maxDriftMillis() : 60_000,
            faults.contains(FaultKind.SKEW) ? (bigClocks ? 2_000 : 250) : 0,
            faults.contains(FaultKind.DRIFT) ? (bigClocks ? 1_000 : 200) : 0,
            faults.contains(FaultKind.CLOCK_STEP) ? (bigClocks ? 5_000 : 1_000) : 0,
            faults.contains(FaultKind.CLOCK_STROBE) ? (bigClocks ? 1_000 : 300) : 0);
    WorkloadOptions work =
        new WorkloadOptions(
            workload, ops, keys, 3, Ratio.of(1, 2), Ratio.of(1, 4), Ratio.of(1, 10), 3, events, 10);
    TimingOptions timing =
        new TimingOptions(
            40,
            100,
            800,
            50,
            400,
            o.convergenceBudgetTicks() != null ? o.convergenceBudgetTicks() : 30_000,
            4 * network.delayTicksMax() + 40,
            o.antiEntropy() == null || o.antiEntropy());
    Mutant mutant = o.mutant() != null ? o.mutant() : Mutant.NONE;
    return new SimulationOptions(
        seed, this, replicas, policy, sync, mutant, faults, work, network, clocks, timing, o);
  }

  private Set<FaultKind> faults(Draws d) {
    long mask = d.between(0, Long.MAX_VALUE - 1);
    return switch (this) {
      case DEFAULT -> DEFAULT_FAULTS;
      case CALM -> EnumSet.noneOf(FaultKind.class);
      case PARTITIONS ->
          EnumSet.of(
              FaultKind.PARTITION_ONE,
              FaultKind.PARTITION_MAJORITY,
              FaultKind.PARTITION_RING,
              FaultKind.PARTITION_BRIDGE,
              FaultKind.PARTITION_ONE_WAY,
              FaultKind.CLOG,
              FaultKind.SWIZZLE_CLOG,
              FaultKind.LOSS,
              FaultKind.REORDER,
              FaultKind.DELAY);
      case CLOCK_SKEW ->
          EnumSet.of(
              FaultKind.CLOCK_STEP,
              FaultKind.CLOCK_STROBE,
              FaultKind.SKEW,
              FaultKind.DRIFT,
              FaultKind.DELAY,
              FaultKind.REORDER);
      case CRASHES ->
          EnumSet.of(
              FaultKind.CRASH,
              FaultKind.AMNESIA,
              FaultKind.PAUSE,
              FaultKind.JOIN,
              FaultKind.LOSS,
              FaultKind.DELAY,
              FaultKind.REORDER);
      case SWARM -> {
        EnumSet<FaultKind> out = EnumSet.noneOf(FaultKind.class);
        for (FaultKind k : FaultKind.values()) {
          if ((mask >>> k.ordinal() & 1) == 1) {
            out.add(k);
          }
        }
        yield out;
      }
    };
  }

  /** Each draw uses its own child generator, so draws never consume a varying number of values. */
  private static final class Draws {
    private final Prng prng;

    Draws(Prng prng) {
      this.prng = prng;
    }

    long between(long min, long max) {
      return new Prng(prng.nextLong()).between(min, max);
    }

    <T> T pick(List<T> items) {
      return new Prng(prng.nextLong()).pick(items);
    }

    <T> T skip(T value) {
      prng.nextLong();
      return value;
    }
  }
}
