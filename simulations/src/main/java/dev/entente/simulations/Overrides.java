package dev.entente.simulations;

import dev.entente.impl.clock.ClockKind;
import dev.entente.model.RegisterPolicy;
import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.sync.SyncKind;
import dev.entente.simulations.workload.WorkloadKind;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The options a user fixed explicitly; null means "let the profile (and the seed) decide".
 * Immutable. {@link #asArguments()} renders them as command-line flags for the replay command.
 */
public record Overrides(
    @Nullable Integer replicas,
    @Nullable Integer ops,
    @Nullable Set<FaultKind> faults,
    @Nullable ClockKind clock,
    @Nullable RegisterPolicy policy,
    @Nullable SyncKind sync,
    @Nullable WorkloadKind workload,
    @Nullable Mutant mutant,
    @Nullable Long convergenceBudgetTicks,
    @Nullable Boolean antiEntropy,
    @Nullable Long maxDriftMillis) {
  /** Nothing fixed. */
  public static final Overrides NONE =
      new Overrides(null, null, null, null, null, null, null, null, null, null, null);

  /** Copies the fault set. */
  public Overrides {
    faults = faults == null ? null : Set.copyOf(faults);
  }

  /** A copy with the policy fixed. */
  public Overrides withPolicy(RegisterPolicy p) {
    return new Overrides(
        replicas,
        ops,
        faults,
        clock,
        p,
        sync,
        workload,
        mutant,
        convergenceBudgetTicks,
        antiEntropy,
        maxDriftMillis);
  }

  /** A copy with the sync variant fixed. */
  public Overrides withSync(SyncKind s) {
    return new Overrides(
        replicas,
        ops,
        faults,
        clock,
        policy,
        s,
        workload,
        mutant,
        convergenceBudgetTicks,
        antiEntropy,
        maxDriftMillis);
  }

  /** A copy with the clock fixed. */
  public Overrides withClock(ClockKind c) {
    return new Overrides(
        replicas,
        ops,
        faults,
        c,
        policy,
        sync,
        workload,
        mutant,
        convergenceBudgetTicks,
        antiEntropy,
        maxDriftMillis);
  }

  /** A copy with the workload fixed. */
  public Overrides withWorkload(WorkloadKind w) {
    return new Overrides(
        replicas,
        ops,
        faults,
        clock,
        policy,
        sync,
        w,
        mutant,
        convergenceBudgetTicks,
        antiEntropy,
        maxDriftMillis);
  }

  /** A copy with the mutant fixed. */
  public Overrides withMutant(Mutant m) {
    return new Overrides(
        replicas,
        ops,
        faults,
        clock,
        policy,
        sync,
        workload,
        m,
        convergenceBudgetTicks,
        antiEntropy,
        maxDriftMillis);
  }

  /** A copy with the number of replicas fixed. */
  public Overrides withReplicas(int n) {
    return new Overrides(
        n,
        ops,
        faults,
        clock,
        policy,
        sync,
        workload,
        mutant,
        convergenceBudgetTicks,
        antiEntropy,
        maxDriftMillis);
  }

  /** A copy with the number of ops fixed. */
  public Overrides withOps(int n) {
    return new Overrides(
        replicas,
        n,
        faults,
        clock,
        policy,
        sync,
        workload,
        mutant,
        convergenceBudgetTicks,
        antiEntropy,
        maxDriftMillis);
  }

  /** A copy with the fault set fixed. */
  public Overrides withFaults(Set<FaultKind> f) {
    return new Overrides(
        replicas,
        ops,
        f,
        clock,
        policy,
        sync,
        workload,
        mutant,
        convergenceBudgetTicks,
        antiEntropy,
        maxDriftMillis);
  }

  /** A copy with the convergence budget fixed. */
  public Overrides withConvergenceBudget(long ticks) {
    return new Overrides(
        replicas,
        ops,
        faults,
        clock,
        policy,
        sync,
        workload,
        mutant,
        ticks,
        antiEntropy,
        maxDriftMillis);
  }

  /** A copy with anti-entropy switched on or off. */
  public Overrides withAntiEntropy(boolean on) {
    return new Overrides(
        replicas,
        ops,
        faults,
        clock,
        policy,
        sync,
        workload,
        mutant,
        convergenceBudgetTicks,
        on,
        maxDriftMillis);
  }

  /** A copy with the clock drift guard's limit fixed. */
  public Overrides withMaxDrift(long millis) {
    return new Overrides(
        replicas,
        ops,
        faults,
        clock,
        policy,
        sync,
        workload,
        mutant,
        convergenceBudgetTicks,
        antiEntropy,
        millis);
  }

  /** The fixed options as command-line flags, each preceded by a space. */
  public String asArguments() {
    StringBuilder b = new StringBuilder();
    if (replicas != null) {
      b.append(" --replicas ").append(replicas);
    }
    if (ops != null) {
      b.append(" --ops ").append(ops);
    }
    if (faults != null) {
      b.append(" --faults ").append(FaultKind.describe(faults));
    }
    if (clock != null) {
      b.append(" --clock ").append(ClockOptions.name(clock));
    }
    if (policy != null) {
      b.append(" --policy ").append(policyName(policy));
    }
    if (sync != null) {
      b.append(" --sync ").append(sync.optionName());
    }
    if (workload != null) {
      b.append(" --workload ").append(workload.optionName());
    }
    if (mutant != null) {
      b.append(" --mutant ").append(mutant.optionName());
    }
    if (convergenceBudgetTicks != null) {
      b.append(" --convergence-ticks ").append(convergenceBudgetTicks);
    }
    if (antiEntropy != null && !antiEntropy) {
      b.append(" --no-anti-entropy");
    }
    if (maxDriftMillis != null) {
      b.append(" --max-drift ").append(maxDriftMillis);
    }
    return b.toString();
  }

  /** The option name of a policy: {@code lww}, {@code mv} or {@code group}. */
  public static String policyName(RegisterPolicy p) {
    return switch (p) {
      case LWW -> "lww";
      case MV -> "mv";
      case CAUSAL_GROUP -> "group";
    };
  }

  /** Parses a policy option name. */
  public static RegisterPolicy parsePolicy(String name) {
    return switch (name) {
      case "lww" -> RegisterPolicy.LWW;
      case "mv" -> RegisterPolicy.MV;
      case "group" -> RegisterPolicy.CAUSAL_GROUP;
      default ->
          throw new IllegalArgumentException(
              "'" + name + "' is not a policy; expected lww, mv or group");
    };
  }
}
