package dev.entente.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.entente.histories.EdnHistoryWriter;
import dev.entente.histories.JsonLinesHistoryWriter;
import dev.entente.impl.clock.ClockKind;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.check.CheckResult;
import dev.entente.simulations.Mutant;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.SeedRange;
import dev.entente.simulations.SimulationOptions;
import dev.entente.simulations.check.NamedChecker;
import dev.entente.simulations.driver.RangeSummary;
import dev.entente.simulations.driver.Shrinker;
import dev.entente.simulations.driver.SimulationRunner;
import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.plan.Schedule;
import dev.entente.simulations.run.Simulation;
import dev.entente.simulations.sync.SyncKind;
import dev.entente.simulations.workload.WorkloadKind;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
  private static final int SHRINK_RUNS = 400;

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
          "Comma-separated faults or groups (partition, network, clock, replica, all, none).")
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
    Profile p;
    Overrides o;
    try {
      p = profile();
      o = overrides();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return new Campaign(p, o, range).run();
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

  /** One invocation: the runs, the counters for the summary, the files. */
  private final class Campaign {
    private final Profile profile;
    private final Overrides overrides;
    private final SeedRange seeds;
    private final RangeSummary summary;

    Campaign(Profile profile, Overrides overrides, SeedRange seeds) {
      this.profile = profile;
      this.overrides = overrides;
      this.seeds = seeds;
      this.summary = new RangeSummary(profile.optionName(), seeds);
    }

    int run() {
      PrintStream stdout = parent.out();
      PrintStream err = parent.err();
      long total = seeds.size();
      long start = System.nanoTime();
      long lastProgress = start;
      for (long s = seeds.first(); s <= seeds.last(); s++) {
        SimulationOptions options = profile.resolve(s, overrides);
        List<String> lines = new ArrayList<>();
        SimulationRunner.Result r = SimulationRunner.run(options, lines::add);
        summary.add(options, r);
        if (!r.passed()) {
          lines.addAll(lines.size() - 1, failure(options, r));
        }
        print(stdout, lines);
        long now = System.nanoTime();
        if (total > 1 && (now - lastProgress > 2_000_000_000L || s == seeds.last())) {
          int failed = summary.failedSeeds().size();
          err.printf(Locale.ROOT, "[%d/%d] failed=%d%n", s - seeds.first() + 1, total, failed);
          lastProgress = now;
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (total > 1) {
        summary.lines(seconds).forEach(stdout::println);
      }
      return summary.failedSeeds().isEmpty() ? 0 : EntenteCommand.EXIT_FAILED;
    }

    private void print(PrintStream stdout, List<String> lines) {
      if (brief) {
        stdout.println(lines.get(lines.size() - 1));
      } else {
        lines.forEach(stdout::println);
      }
    }

    /** Shrinks and writes files for a failing run; returns lines to print before the last. */
    private List<String> failure(SimulationOptions options, SimulationRunner.Result r) {
      List<String> lines = new ArrayList<>();
      Schedule schedule = Simulation.plan(options);
      Schedule smallest = null;
      if (shrink) {
        Shrinker.Shrunk s =
            Shrinker.shrink(options, schedule, NamedChecker.defaults(), SHRINK_RUNS);
        smallest = s.schedule();
        lines.add(
            String.format(
                Locale.ROOT,
                "shrunk in %d runs: %d -> %d ops, %d -> %d faults; still %s",
                s.runs(),
                schedule.ops().size(),
                smallest.ops().size(),
                schedule.faults().size(),
                smallest.faults().size(),
                s.check().verdict()));
        for (String line : smallest.describe().split("\n")) {
          lines.add("  " + line);
        }
      }
      if (out != null) {
        try {
          lines.add("files: " + write(out, options, schedule, smallest));
        } catch (IOException e) {
          lines.add("files: cannot write to " + out + ": " + e.getMessage());
        }
      }
      return lines;
    }

    private Path write(
        Path outDir, SimulationOptions options, Schedule schedule, @Nullable Schedule smallest)
        throws IOException {
      Path dir = outDir.resolve("seed-" + options.seed());
      Files.createDirectories(dir);
      SimulationRunner.Result r =
          SimulationRunner.run(options, schedule, NamedChecker.defaults(), true, line -> {});
      Files.writeString(
          dir.resolve("options.txt"), options.describe() + "\n", StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("schedule.txt"), schedule.describe(), StandardCharsets.UTF_8);
      if (smallest != null) {
        Files.writeString(
            dir.resolve("shrunk-schedule.txt"), smallest.describe(), StandardCharsets.UTF_8);
      }
      new EdnHistoryWriter().write(r.outcome().history(), dir.resolve("history.edn"));
      new JsonLinesHistoryWriter().write(r.outcome().history(), dir.resolve("history.jsonl"));
      Files.write(dir.resolve("trace.log"), r.outcome().trace(), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("result.json"), resultJson(options, r), StandardCharsets.UTF_8);
      return dir;
    }

    private String resultJson(SimulationOptions options, SimulationRunner.Result r)
        throws IOException {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("schemaVersion", 1);
      json.put("seed", options.seed());
      json.put("options", options.describe());
      json.put("replay", options.replayCommand());
      json.put("passed", r.passed());
      json.put("lastLine", r.lastLine());
      json.put("traceHash", r.outcome().traceHash());
      json.put("stats", r.outcome().stats().describe());
      json.put("check", checkJson(r.check()));
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json)
          + "\n";
    }

    private Map<String, Object> checkJson(CheckResult c) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("checker", c.checker());
      m.put("verdict", c.verdict().name());
      m.put("explanation", c.explanation());
      List<Object> parts = new ArrayList<>();
      for (CheckResult p : c.parts()) {
        parts.add(checkJson(p));
      }
      m.put("parts", parts);
      return m;
    }
  }
}
