package dev.entente.cli;

import dev.entente.campaign.RelayRange;
import dev.entente.campaign.SimulateRange;
import dev.entente.impl.clock.ClockKind;
import dev.entente.model.RegisterPolicy;
import dev.entente.peers.sim.PeerSimulate;
import dev.entente.simulations.Mutant;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.SeedRange;
import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.sync.SyncKind;
import dev.entente.simulations.workload.WorkloadKind;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code entente simulate}: runs the deterministic simulator on one seed or a range of seeds.
 *
 * <p>Per run, stdout gets the output contract of {@link SimulationRunner}: the first line names the
 * seed and every option, the last is {@code PASSED seed=S trace=HASH} or {@code FAILED seed=S
 * reason | replay: COMMAND}. A range ends with a summary table (per sync variant) and the measured
 * throughput; progress goes to stderr. With {@code --out DIR}, each failing run leaves {@code
 * DIR/seed-S/} with the options, schedule, history (EDN and JSON Lines), result and trace. With
 * {@code --shrink}, each failing run's schedule is minimised first and the smallest failing case is
 * printed (and written to {@code shrunk-schedule.txt}).
 *
 * <p>The options come from a built-in profile ({@code --profile}) or a user's profile file in the
 * same JSON format ({@code --profile-file}, see {@link Profile}); the explicit options win over
 * either. Named options are parsed by picocli's converters ({@link OptionNames}).
 *
 * <p>Exit status 0 if every run passed, 1 if any failed, 2 for a usage error.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = "Runs the deterministic simulator on one seed or a range of seeds.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:every run passed", "1:some run failed", "2:usage error", "3:internal error"})
final class SimulateCommand implements Callable<Integer> {
  @ParentCommand private EntenteCommand parent;
  @Spec private CommandSpec spec;

  @Option(names = "--seed", paramLabel = "S", description = "One seed (default 1).")
  private @Nullable Long seed;

  @Option(
      names = "--seeds",
      paramLabel = "A..B",
      converter = OptionNames.Seeds.class,
      description = "A range of seeds, inclusive.")
  private @Nullable SeedRange seeds;

  @ArgGroup(exclusive = true)
  private @Nullable ProfileOption profile;

  @Option(names = "--replicas", paramLabel = "N", description = "Replicas at the start.")
  private @Nullable Integer replicas;

  @Option(names = "--ops", paramLabel = "K", description = "Client ops.")
  private @Nullable Integer ops;

  @Option(
      names = "--faults",
      paramLabel = "LIST",
      description =
          "Comma-separated faults or groups (partition, network, clock, replica, storage, all,"
              + " none).")
  private @Nullable String faults;

  @Option(
      names = "--clock",
      paramLabel = "C",
      converter = OptionNames.Clocks.class,
      completionCandidates = OptionNames.Clocks.class,
      description = "${COMPLETION-CANDIDATES}.")
  private @Nullable ClockKind clock;

  @Option(
      names = "--policy",
      paramLabel = "POLICY",
      converter = PolicyName.class,
      completionCandidates = PolicyName.class,
      description = "${COMPLETION-CANDIDATES}.")
  private @Nullable RegisterPolicy policy;

  @Option(
      names = "--sync",
      paramLabel = "V",
      converter = OptionNames.Syncs.class,
      completionCandidates = OptionNames.Syncs.class,
      description = "${COMPLETION-CANDIDATES}.")
  private @Nullable SyncKind sync;

  @Option(
      names = "--workload",
      paramLabel = "W",
      converter = OptionNames.Workloads.class,
      completionCandidates = OptionNames.Workloads.class,
      description = "${COMPLETION-CANDIDATES}.")
  private @Nullable WorkloadKind workload;

  @Option(
      names = "--mutant",
      paramLabel = "NAME",
      converter = OptionNames.Mutants.class,
      description = "A deliberately broken variant (see entente mutants).")
  private @Nullable Mutant mutant;

  @Option(
      names = "--convergence-ticks",
      paramLabel = "T",
      description = "Tick budget of the convergence phase.")
  private @Nullable Long convergenceTicks;

  @Option(
      names = "--max-drift",
      paramLabel = "MS",
      description = "The clock drift guard's limit: how far ahead a remote timestamp may be.")
  private @Nullable Long maxDrift;

  @Option(names = "--no-anti-entropy", description = "Disable periodic anti-entropy.")
  private boolean noAntiEntropy;

  @Option(names = "--shrink", description = "Minimise each failing run's schedule.")
  private boolean shrink;

  @Option(names = "--brief", description = "Print only each run's last line.")
  private boolean brief;

  @Option(names = "--out", paramLabel = "DIR", description = "Write failing runs' files here.")
  private @Nullable Path out;

  @Option(names = "--peer", paramLabel = "P", description = "Replicas of another CRDT (peers).")
  private @Nullable String peer;

  @Option(names = "--topology", paramLabel = "T", description = "p2p (default) or relay.")
  private String topology = "p2p";

  @Option(
      names = "--attacks",
      paramLabel = "LIST",
      description =
          "Relay attacks: drop, delay, reorder, replay, tamper, forge, withhold, rollback,"
              + " fork, equivocate.")
  private @Nullable String attacks;

  @Option(names = "--relay-mutant", paramLabel = "NAME", description = "A broken relay component.")
  private @Nullable String relayMutant;

  /** {@code --profile P} or {@code --profile-file FILE}, not both. */
  static final class ProfileOption {
    @Option(
        names = "--profile",
        paramLabel = "P",
        converter = OptionNames.Profiles.class,
        completionCandidates = OptionNames.Profiles.class,
        description = "A built-in profile: ${COMPLETION-CANDIDATES} (default: default).")
    private @Nullable Profile builtIn;

    @Option(
        names = "--profile-file",
        paramLabel = "FILE",
        description = "A profile file in the format of the built-in ones (see README).")
    private @Nullable Path file;
  }

  @Override
  public Integer call() {
    if (seed != null && seeds != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give --seed or --seeds, not both");
    }
    SeedRange range = seeds != null ? seeds : SeedRange.of(seed == null ? 1 : seed);
    if (!topology.equals("p2p")) {
      try {
        RelayRange relay = RelayRange.parse(topology, attacks, relayMutant, range, brief, out);
        return relay.run(parent.out()) ? 0 : EntenteCommand.EXIT_FAILED;
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    Profile p;
    Overrides o;
    try {
      p = profile();
      o = overrides();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (peer != null) {
      return PeerSimulate.run(peer, p, o, range, parent.out(), parent.err());
    }
    boolean passed =
        new SimulateRange(p, o, range, brief, shrink, out).run(parent.out(), parent.err());
    return passed ? 0 : EntenteCommand.EXIT_FAILED;
  }

  /** The chosen profile; a bad file throws a ProfileException naming the file and field. */
  private Profile profile() {
    if (profile == null) {
      return Profile.DEFAULT;
    }
    if (profile.file != null) {
      return Profile.load(profile.file);
    }
    if (profile.builtIn == null) {
      throw new IllegalStateException(
          "the profile group holds neither --profile nor --profile-file");
    }
    return profile.builtIn;
  }

  private Overrides overrides() {
    Overrides o = Overrides.NONE;
    o = replicas != null ? o.withReplicas(replicas) : o;
    o = ops != null ? o.withOps(ops) : o;
    o = faults != null ? o.withFaults(FaultKind.parseList(faults)) : o;
    o = clock != null ? o.withClock(clock) : o;
    o = policy != null ? o.withPolicy(policy) : o;
    o = sync != null ? o.withSync(sync) : o;
    o = workload != null ? o.withWorkload(workload) : o;
    o = mutant != null ? o.withMutant(mutant) : o;
    o = convergenceTicks != null ? o.withConvergenceBudget(convergenceTicks) : o;
    o = noAntiEntropy ? o.withAntiEntropy(false) : o;
    if (maxDrift != null) {
      if (maxDrift <= 0) {
        throw new IllegalArgumentException("--max-drift must be > 0, was " + maxDrift);
      }
      o = o.withMaxDrift(maxDrift);
    }
    return o;
  }
}
