package dev.entente.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.entente.model.check.CheckResult;
import dev.entente.simulations.ClockOptions;
import dev.entente.simulations.Mutant;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.RunStats;
import dev.entente.simulations.SimulationOptions;
import dev.entente.simulations.check.NamedChecker;
import dev.entente.simulations.driver.Shrinker;
import dev.entente.simulations.driver.SimulationRunner;
import dev.entente.simulations.history.EdnHistoryWriter;
import dev.entente.simulations.history.JsonLinesHistoryWriter;
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
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
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
  private Long seed;

  @Option(names = "--seeds", paramLabel = "A..B", description = "A range of seeds, inclusive.")
  private String seeds;

  @Option(
      names = "--profile",
      paramLabel = "P",
      defaultValue = "default",
      description = "default, calm, partitions, clock-skew, crashes or swarm.")
  private String profile;

  @Option(names = "--replicas", paramLabel = "N", description = "Replicas at the start.")
  private Integer replicas;

  @Option(names = "--ops", paramLabel = "K", description = "Client ops.")
  private Integer ops;

  @Option(
      names = "--faults",
      paramLabel = "LIST",
      description =
          "Comma-separated faults or groups (partition, network, clock, replica, all, none).")
  private String faults;

  @Option(names = "--clock", paramLabel = "C", description = "wall, lamport or hlc.")
  private String clock;

  @Option(names = "--policy", paramLabel = "POLICY", description = "lww, mv or group.")
  private String policy;

  @Option(names = "--sync", paramLabel = "V", description = "op, state, delta or sequencer.")
  private String sync;

  @Option(names = "--workload", paramLabel = "W", description = "kv or calendar.")
  private String workload;

  @Option(names = "--mutant", paramLabel = "NAME", description = "A deliberately broken variant.")
  private String mutant;

  @Option(
      names = "--convergence-ticks",
      paramLabel = "T",
      description = "Tick budget of the convergence phase.")
  private Long convergenceTicks;

  @Option(
      names = "--max-drift",
      paramLabel = "MS",
      description = "The clock drift guard's limit: how far ahead a remote timestamp may be.")
  private Long maxDrift;

  @Option(names = "--no-anti-entropy", description = "Disable periodic anti-entropy.")
  private boolean noAntiEntropy;

  @Option(names = "--shrink", description = "Minimise each failing run's schedule.")
  private boolean shrink;

  @Option(names = "--brief", description = "Print only each run's last line.")
  private boolean brief;

  @Option(names = "--out", paramLabel = "DIR", description = "Write failing runs' files here.")
  private Path out;

  @Override
  public Integer call() {
    long[] range = range();
    Profile p;
    Overrides o;
    try {
      p = Profile.parse(profile);
      o = overrides();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return new Campaign(p, o, range[0], range[1]).run();
  }

  private long[] range() {
    if (seed != null && seeds != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give --seed or --seeds, not both");
    }
    if (seeds == null) {
      long s = seed == null ? 1 : seed;
      return new long[] {s, s};
    }
    int dots = seeds.indexOf("..");
    try {
      long a = Long.parseLong(dots < 0 ? seeds : seeds.substring(0, dots));
      long b = dots < 0 ? a : Long.parseLong(seeds.substring(dots + 2));
      if (a > b) {
        throw new NumberFormatException("empty range");
      }
      return new long[] {a, b};
    } catch (NumberFormatException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--seeds must look like A..B with A <= B, was " + seeds);
    }
  }

  private Overrides overrides() {
    Overrides o = Overrides.NONE;
    if (replicas != null) {
      o = o.withReplicas(replicas);
    }
    if (ops != null) {
      o = o.withOps(ops);
    }
    if (faults != null) {
      o = o.withFaults(FaultKind.parseList(faults));
    }
    if (clock != null) {
      o = o.withClock(ClockOptions.parseKind(clock));
    }
    if (policy != null) {
      o = o.withPolicy(Overrides.parsePolicy(policy));
    }
    if (sync != null) {
      o = o.withSync(SyncKind.parse(sync));
    }
    if (workload != null) {
      o = o.withWorkload(WorkloadKind.parse(workload));
    }
    if (mutant != null) {
      o = o.withMutant(Mutant.parse(mutant));
    }
    if (convergenceTicks != null) {
      o = o.withConvergenceBudget(convergenceTicks);
    }
    if (noAntiEntropy) {
      o = o.withAntiEntropy(false);
    }
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
    private final long first;
    private final long last;
    private final Map<String, long[]> bySync = new TreeMap<>();
    private final List<Long> failed = new ArrayList<>();
    private long events;

    Campaign(Profile profile, Overrides overrides, long first, long last) {
      this.profile = profile;
      this.overrides = overrides;
      this.first = first;
      this.last = last;
    }

    int run() {
      PrintStream stdout = parent.out();
      PrintStream err = parent.err();
      long total = last - first + 1;
      long start = System.nanoTime();
      long lastProgress = start;
      for (long s = first; s <= last; s++) {
        SimulationOptions options = profile.resolve(s, overrides);
        List<String> lines = new ArrayList<>();
        SimulationRunner.Result r = SimulationRunner.run(options, lines::add);
        record(options, r);
        if (!r.passed()) {
          lines.addAll(lines.size() - 1, failure(options, r));
        }
        print(stdout, lines);
        long now = System.nanoTime();
        if (total > 1 && (now - lastProgress > 2_000_000_000L || s == last)) {
          err.printf(Locale.ROOT, "[%d/%d] failed=%d%n", s - first + 1, total, failed.size());
          lastProgress = now;
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (total > 1) {
        summary(stdout, total, seconds);
      }
      return failed.isEmpty() ? 0 : EntenteCommand.EXIT_FAILED;
    }

    private void print(PrintStream stdout, List<String> lines) {
      if (brief) {
        stdout.println(lines.get(lines.size() - 1));
      } else {
        lines.forEach(stdout::println);
      }
    }

    private void record(SimulationOptions options, SimulationRunner.Result r) {
      RunStats st = r.outcome().stats();
      events += st.events();
      long[] row = bySync.computeIfAbsent(options.sync().optionName(), k -> new long[6]);
      row[0]++;
      row[1] += r.passed() ? 0 : 1;
      row[2] += st.events();
      row[3] += st.messages();
      row[4] += st.bytes();
      row[5] = Math.max(row[5], st.convergenceTicks());
      if (!r.passed()) {
        failed.add(options.seed());
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
          lines.add("files: " + write(options, schedule, smallest));
        } catch (IOException e) {
          lines.add("files: cannot write to " + out + ": " + e.getMessage());
        }
      }
      return lines;
    }

    private Path write(SimulationOptions options, Schedule schedule, Schedule smallest)
        throws IOException {
      Path dir = out.resolve("seed-" + options.seed());
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

    private void summary(PrintStream stdout, long total, double seconds) {
      stdout.println();
      stdout.printf(
          Locale.ROOT,
          "summary: profile=%s seeds=%d..%d runs=%d passed=%d failed=%d%n",
          profile.optionName(),
          first,
          last,
          total,
          total - failed.size(),
          failed.size());
      stdout.printf(
          Locale.ROOT,
          "%-10s %6s %7s %11s %10s %10s %14s%n",
          "sync",
          "runs",
          "failed",
          "events/run",
          "msgs/run",
          "KiB/run",
          "max-conv-ticks");
      bySync.forEach(
          (name, row) ->
              stdout.printf(
                  Locale.ROOT,
                  "%-10s %6d %7d %11d %10d %10.1f %14d%n",
                  name,
                  row[0],
                  row[1],
                  row[2] / row[0],
                  row[3] / row[0],
                  row[4] / 1024.0 / row[0],
                  row[5]));
      if (!failed.isEmpty()) {
        stdout.println("failed seeds: " + failed);
      }
      stdout.printf(
          Locale.ROOT,
          "wall %.2f s: %.0f simulated events/s, %.0f runs/min (one thread)%n",
          seconds,
          events / seconds,
          total * 60 / seconds);
    }
  }
}
