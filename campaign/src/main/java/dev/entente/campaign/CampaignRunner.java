package dev.entente.campaign;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Runs one campaign (or one shard of it) end to end, as {@code entente run} does: this shard's
 * simulated runs on all cores (each run is deterministic, so the order does not matter), then the
 * TLC models and the benchmarks (in a child JVM, after the simulations so they measure a quiet
 * machine), and writes the run directory ({@link CampaignFiles}) and the report ({@link Publish}).
 * Progress goes to {@code err}; {@code out} gets the replay commands and where the report is.
 *
 * <p>This is the one place of the campaign that uses threads and the real clock (for progress and
 * the total time only; no record depends on either). Stateless.
 */
@SuppressForbidden
public final class CampaignRunner {
  private CampaignRunner() {}

  /**
   * Runs the campaign into {@code out} (or {@code runs/run-<mode>-<commit>[-shard-I-of-N]} when
   * null) and returns the exit status: 0 when the report was written, 1 if rendering failed.
   *
   * @param argv the command line as typed, kept in {@code options.json}
   */
  public static int run(
      CampaignOptions o, @Nullable Path outDir, List<String> argv, PrintStream out, PrintStream err)
      throws IOException {
    Path root = CampaignFiles.repoRoot();
    Machine machine = Machine.detect(root);
    Path dir = outDir != null ? outDir : defaultDir(o, machine);
    Files.createDirectories(dir);
    CampaignFiles.writeOptions(dir, o, machine, argv, List.of());
    err.println("entente run: " + o.command() + " -> " + dir);
    long start = System.nanoTime();
    List<RunRecord> records = simulate(o, err);
    records.addAll(tlc(o, err));
    records.addAll(JepsenStep.forCampaign(o, dir, err));
    records.addAll(bench(o, root, dir, err));
    if (o.plan().includes(QualitySection.ID) && o.shard().index() == 0) {
      records.addAll(QualityStep.read(root));
    }
    int status = Publish.write(dir, o, machine, records, out, err);
    err.printf(Locale.ROOT, "entente run: done in %.1f s%n", (System.nanoTime() - start) / 1e9);
    return status;
  }

  private static Path defaultDir(CampaignOptions o, Machine m) {
    String name = "run-" + o.mode().optionName() + "-" + m.shortCommit();
    if (o.shard().sharded()) {
      name += "-shard-" + o.shard().index() + "-of-" + o.shard().count();
    }
    return Path.of("runs", name);
  }

  /** Runs this shard's specs on all cores, printing progress per experiment. */
  static List<RunRecord> simulate(CampaignOptions o, PrintStream err) {
    CampaignPlan plan = o.plan();
    List<RunSpec> specs = o.shard().select(Campaign.specs(plan));
    Progress progress = new Progress(specs, err);
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<RunRecord>> futures = new ArrayList<>();
      for (RunSpec s : specs) {
        futures.add(pool.submit(() -> progress.done(s, Campaign.run(plan, s))));
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
      // Campaign.run records a crashed run; reaching here is a bug in the campaign itself.
      throw new IllegalStateException("a campaign run threw: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<RunRecord> tlc(CampaignOptions o, PrintStream err) {
    if (!o.plan().includes(TlcSection.ID) || o.shard().index() != 0) {
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
    if (!o.plan().includes(BenchmarksSection.ID) || o.shard().index() != 0) {
      return List.of();
    }
    if (!o.bench()) {
      return BenchStep.skipped(o.mode(), "--no-bench");
    }
    return BenchStep.run(root, dir, o.mode(), err);
  }
}
