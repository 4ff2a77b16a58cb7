package dev.entente.simulations;

import dev.entente.model.Check;
import dev.entente.model.RegisterPolicy;
import dev.entente.simulations.net.NetworkConfig;
import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.sync.SyncKind;
import dev.entente.simulations.workload.WorkloadOptions;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Every option of one run, fully resolved: a run is a pure function of these (the seed included).
 * Built by {@link Profile#resolve}. Immutable.
 *
 * @param overrides the options the user fixed explicitly, kept to print the replay command
 */
public record SimulationOptions(
    long seed,
    Profile profile,
    int replicas,
    RegisterPolicy policy,
    SyncKind sync,
    Mutant mutant,
    Set<FaultKind> faults,
    WorkloadOptions workload,
    NetworkConfig network,
    ClockOptions clock,
    TimingOptions timing,
    Overrides overrides) {
  /** Most replicas at the start of a run. */
  public static final int MAX_REPLICAS = 26;

  /** Validates and copies. */
  public SimulationOptions {
    Check.argument(profile != null && policy != null && sync != null, "null option");
    Check.argument(mutant != null && workload != null && network != null, "null option");
    Check.argument(clock != null && timing != null && overrides != null, "null option");
    Check.argument(
        replicas >= 1 && replicas <= MAX_REPLICAS,
        "replicas must be in [1, %d], was %d",
        MAX_REPLICAS,
        replicas);
    EnumSet<FaultKind> copy = EnumSet.noneOf(FaultKind.class);
    copy.addAll(faults);
    faults = Collections.unmodifiableSet(copy);
  }

  /** True if {@code kind} is enabled. */
  public boolean has(FaultKind kind) {
    return faults.contains(kind);
  }

  /**
   * True if any storage fault is enabled: then every replica commits each step to its simulated
   * disk before acknowledging it, and a restarted replica reloads only what its disk kept.
   */
  public boolean storageBacked() {
    for (FaultKind k : faults) {
      if (k.family() == FaultKind.Family.STORAGE) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if the run compacts (the {@code compaction} option under delta sync): replicas exchange
   * stability reports, collect garbage, compact their logs to snapshots and answer a peer behind
   * their horizon with their snapshot (docs/compaction.md). Other syncs ignore the option.
   */
  public boolean compacting() {
    return has(FaultKind.COMPACTION) && sync == SyncKind.DELTA;
  }

  /** Every option as {@code key=value} words, in a fixed order: the run's first line. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "seed=%d profile=%s replicas=%d policy=%s sync=%s mutant=%s faults=%s %s %s %s %s",
        seed,
        profile.optionName(),
        replicas,
        Overrides.policyName(policy),
        sync.optionName(),
        mutant.optionName(),
        FaultKind.describe(faults),
        workload.describe(),
        network.describe(),
        clock.describe(),
        timing.describe());
  }

  /** The exact command that replays this run. */
  public String replayCommand() {
    return "./entente simulate --seed "
        + seed
        + " "
        + profile.replayArguments()
        + overrides.asArguments();
  }
}
