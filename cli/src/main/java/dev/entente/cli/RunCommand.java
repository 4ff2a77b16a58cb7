package dev.entente.cli;

import dev.entente.campaign.CampaignMode;
import dev.entente.campaign.CampaignOptions;
import dev.entente.campaign.CampaignRunner;
import dev.entente.campaign.Shard;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code entente run}: the design-choice campaign ({@link CampaignRunner}). This class only turns
 * the options into {@link CampaignOptions}; the shard comes from {@code --shard I/N} or, when that
 * is absent, from a batch scheduler's environment ({@link Shard#resolve}).
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
  private @Nullable Integer seeds;

  @Option(
      names = "--only",
      paramLabel = "EXPERIMENT[,..]",
      split = ",",
      description =
          "Only these: clocks, policies, sync, sequencer, mutants, tlc, benchmarks, quality.")
  private List<String> only = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "The run directory.")
  private @Nullable Path out;

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description =
          "Run only specs with index %% N == I (default: from JOB_COMPLETION_INDEX or"
              + " SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT).")
  private @Nullable String shard;

  @Option(
      names = "--shards",
      paramLabel = "N",
      description = "The shard count when the index comes from JOB_COMPLETION_INDEX.")
  private @Nullable Integer shards;

  @Option(names = "--no-bench", description = "Skip the benchmarks.")
  private boolean noBench;

  @Option(names = "--no-tlc", description = "Skip the TLC models.")
  private boolean noTlc;

  @Override
  public Integer call() throws IOException {
    List<String> argv = List.copyOf(spec.commandLine().getParseResult().originalArgs());
    return CampaignRunner.run(options(), out, argv, parent.out(), parent.err());
  }

  private CampaignOptions options() {
    if (quick && full) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give --quick or --full");
    }
    CampaignMode mode =
        quick ? CampaignMode.QUICK : full ? CampaignMode.FULL : CampaignMode.DEFAULT;
    try {
      return new CampaignOptions(
          mode,
          seeds != null ? seeds : mode.defaultSeeds(),
          seeds != null,
          only,
          !noBench,
          !noTlc,
          Shard.resolve(shard, shards, parent.environment()));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
