package dev.entente.cli;

import dev.entente.simulations.campaign.Campaign;
import dev.entente.simulations.campaign.CampaignMode;
import dev.entente.simulations.campaign.CampaignPlan;
import dev.entente.simulations.campaign.RunRecord;
import dev.entente.simulations.campaign.RunSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code entente run}: the design-choice campaign. Runs every experiment's simulated runs (on all
 * cores; each run is deterministic, so the order does not matter), the TLC models and the
 * benchmarks (in a child JVM, after the simulations so they measure a quiet machine), writes one
 * directory with {@code options.json}, {@code runs.jsonl} and {@code results.json}, and renders
 * {@code index.html} and {@code report.md} there. Progress goes to stderr; stdout gets the replay
 * command of one representative run per experiment and where the report is.
 *
 * <p>With {@code --shard I/N} only the run specs whose index is I modulo N run (and TLC and the
 * benchmarks only in shard 0); {@code entente report merge} joins the shards.
 *
 * <p>Exit status 0 when the report was written (findings are reported, not judged), 1 if writing or
 * rendering failed, 2 for a usage error.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Runs the design-choice campaign (simulations, mutants, TLC, benchmarks) and writes the"
            + " report.")
final class RunCommand implements Callable<Integer> {
  @ParentCommand private EntenteCommand parent;
  @Spec private CommandSpec spec;

  @Option(names = "--quick", description = "Under a minute: few seeds, tiny benchmarks, no TLC.")
  private boolean quick;

  @Option(names = "--full", description = "For publishing: many seeds, full benchmarks.")
  private boolean full;

  @Option(names = "--seeds", paramLabel = "N", description = "Seeds per variant.")
  private Integer seeds;

  @Option(
      names = "--only",
      paramLabel = "EXPERIMENT[,..]",
      split = ",",
      description = "Only these: clocks, policies, sync, sequencer, mutants, tlc, benchmarks.")
  private List<String> only = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "The run directory.")
  private Path out;

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description = "Run only specs with index % N == I.")
  private String shard;

  @Option(names = "--no-bench", description = "Skip the benchmarks.")
  private boolean noBench;

  @Option(names = "--no-tlc", description = "Skip the TLC models.")
  private boolean noTlc;

  @Override
  public Integer call() throws IOException {
    CampaignOptions o = options();
    PrintStream err = parent.err();
    Path root = CampaignFiles.repoRoot();
    Machine machine = Machine.detect(root);
    Path dir = out != null ? out : defaultDir(o, machine);
    Files.createDirectories(dir);
    List<String> argv = List.copyOf(spec.commandLine().getParseResult().originalArgs());
    CampaignFiles.writeOptions(dir, o, machine, argv, List.of());
    err.println("entente run: " + o.command() + " -> " + dir);
    long start = System.nanoTime();
    List<RunRecord> records = simulate(o, err);
    records.addAll(tlc(o, err));
    records.addAll(bench(o, root, dir, err));
    records.sort(Comparator.comparingInt(RunRecord::index));
    int status = Publish.write(dir, o, machine, records, parent.out(), err);
    err.printf(Locale.ROOT, "entente run: done in %.1f s%n", (System.nanoTime() - start) / 1e9);
    return status;
  }

  private CampaignOptions options() {
    if (quick && full) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give --quick or --full");
    }
    CampaignMode mode =
        quick ? CampaignMode.QUICK : full ? CampaignMode.FULL : CampaignMode.DEFAULT;
    if (seeds != null && seeds < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--seeds must be >= 1");
    }
    int[] s = parseShard();
    CampaignOptions o =
        new CampaignOptions(
            mode,
            seeds != null ? seeds : mode.defaultSeeds(),
            seeds != null,
            only,
            !noBench,
            !noTlc,
            s[0],
            s[1]);
    try {
      o.plan();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return o;
  }

  private int[] parseShard() {
    if (shard == null) {
      return new int[] {0, 1};
    }
    String[] parts = shard.split("/", -1);
    try {
      int i = Integer.parseInt(parts[0]);
      int n = Integer.parseInt(parts[1]);
      if (parts.length == 2 && n >= 1 && i >= 0 && i < n) {
        return new int[] {i, n};
      }
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      // Reported below.
    }
    throw new CommandLine.ParameterException(
        spec.commandLine(), "--shard must be I/N with 0 <= I < N, was " + shard);
  }

  private static Path defaultDir(CampaignOptions o, Machine m) {
    String name = "run-" + o.mode().optionName() + "-" + m.shortCommit();
    if (o.sharded()) {
      name += "-shard-" + o.shardIndex() + "-of-" + o.shardCount();
    }
    return Path.of("runs", name);
  }

  /** Runs this shard's specs on all cores, printing progress per experiment. */
  private static List<RunRecord> simulate(CampaignOptions o, PrintStream err) {
    CampaignPlan plan = o.plan();
    List<RunSpec> specs = Campaign.shard(Campaign.specs(plan), o.shardIndex(), o.shardCount());
    Progress progress = new Progress(specs, err);
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<RunRecord>> futures = new ArrayList<>();
      for (RunSpec s : specs) {
        futures.add(
            pool.submit(
                () -> {
                  RunRecord r = Campaign.run(plan, s);
                  progress.done(s);
                  return r;
                }));
      }
      List<RunRecord> out = new ArrayList<>();
      for (Future<RunRecord> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a campaign run threw: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<RunRecord> tlc(CampaignOptions o, PrintStream err) {
    if (!o.plan().includes("tlc") || o.shardIndex() != 0) {
      return List.of();
    }
    if (!o.tlc()) {
      return TlcStep.skipped("--no-tlc");
    }
    if (o.mode() == CampaignMode.QUICK) {
      return TlcStep.skipped(
          "--quick has one minute in all; run ./entente run or ./entente tlc for the models");
    }
    return TlcStep.run(err);
  }

  private static List<RunRecord> bench(CampaignOptions o, Path root, Path dir, PrintStream err) {
    if (!o.plan().includes("benchmarks") || o.shardIndex() != 0) {
      return List.of();
    }
    if (!o.bench()) {
      return BenchStep.skipped(o.mode(), "--no-bench");
    }
    return BenchStep.run(root, dir, o.mode(), err);
  }

  /** Counts finished runs per experiment; prints a line at most every second and at the end. */
  private static final class Progress {
    private final Map<String, int[]> perExperiment = new LinkedHashMap<>();
    private final PrintStream err;
    private final int total;
    private int done;
    private long lastPrint = System.nanoTime();

    Progress(List<RunSpec> specs, PrintStream err) {
      this.err = err;
      this.total = specs.size();
      for (RunSpec s : specs) {
        perExperiment.computeIfAbsent(s.experiment(), k -> new int[2])[1]++;
      }
    }

    synchronized void done(RunSpec s) {
      int[] e = perExperiment.get(s.experiment());
      e[0]++;
      done++;
      long now = System.nanoTime();
      if (e[0] == e[1] || now - lastPrint > 1_000_000_000L) {
        lastPrint = now;
        err.printf(
            Locale.ROOT,
            "  %-10s %4d/%-4d runs   (campaign %d/%d)%n",
            s.experiment(),
            e[0],
            e[1],
            done,
            total);
      }
    }
  }
}
