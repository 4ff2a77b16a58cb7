package dev.entente.cli;

import dev.entente.campaign.CampaignMerge;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code entente report}: operations on campaign directories. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Operations on campaign run directories.",
    subcommands = {ReportCommand.Merge.class})
final class ReportCommand implements Callable<Integer> {
  @ParentCommand EntenteCommand parent;

  @Override
  public Integer call() {
    parent.err().println("entente report: give a subcommand (merge)");
    return EntenteCommand.EXIT_USAGE;
  }

  /**
   * {@code entente report merge DIR... [--out DIR]}: joins the shards of one campaign ({@link
   * CampaignMerge}).
   *
   * <p>Exit status 0, 1 if the shards do not fit together or a file cannot be read or written.
   */
  @Command(
      name = "merge",
      mixinStandardHelpOptions = true,
      description = "Merges the shards of one campaign, re-aggregates and renders.")
  static final class Merge implements Callable<Integer> {
    @ParentCommand ReportCommand report;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Shard run directories.")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "The merged run directory.")
    @Nullable Path out;

    @Override
    public Integer call() throws IOException {
      EntenteCommand top = report.parent;
      try {
        return CampaignMerge.merge(dirs, out, top.out(), top.err());
      } catch (IllegalArgumentException e) {
        top.err().println("entente report merge: " + e.getMessage());
        return EntenteCommand.EXIT_FAILED;
      }
    }
  }
}
