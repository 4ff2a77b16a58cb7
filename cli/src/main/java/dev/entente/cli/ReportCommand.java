package dev.entente.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entente.simulations.campaign.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
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
   * {@code entente report merge DIR... [--out DIR]}: joins the shards of one campaign. Every
   * directory must come from {@code entente run --shard I/N} with the same options (and commit),
   * and together they must cover every shard 0..N-1 (repeats are fine). Their {@code runs.jsonl}
   * are concatenated, identical records kept once, re-aggregated and rendered, so the merged {@code
   * results.json} equals the one the unsharded run would write on the same machine.
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
    Path out;

    @Override
    public Integer call() throws IOException {
      EntenteCommand top = report.parent;
      try {
        return merge(top);
      } catch (IllegalArgumentException e) {
        top.err().println("entente report merge: " + e.getMessage());
        return EntenteCommand.EXIT_FAILED;
      }
    }

    private int merge(EntenteCommand top) throws IOException {
      CampaignOptions first = null;
      Machine machine = null;
      TreeSet<Integer> shards = new TreeSet<>();
      Map<Integer, String> byIndex = new TreeMap<>();
      Map<Integer, Path> origin = new TreeMap<>();
      for (Path d : dirs) {
        JsonNode json = read(d.resolve(CampaignFiles.OPTIONS));
        CampaignOptions o;
        try {
          o = CampaignOptions.fromJson(json);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(d + ": " + e.getMessage(), e);
        }
        Machine m = Machine.fromJson(json.path("machine"));
        if (first == null) {
          first = o;
          machine = m;
        } else {
          checkSame(first, machine, o, m, d);
        }
        if (o.shardIndex() == 0) {
          machine = m;
        }
        shards.add(o.shardIndex());
        for (String line : CampaignFiles.readRunLines(d)) {
          RunRecord r;
          try {
            r = RunRecord.parse(line);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                d.resolve(CampaignFiles.RUNS) + ": " + e.getMessage(), e);
          }
          String canonical = r.toJsonLine();
          String seen = byIndex.putIfAbsent(r.index(), canonical);
          if (seen != null && !seen.equals(canonical)) {
            throw new IllegalArgumentException(
                "record "
                    + r.index()
                    + " differs between "
                    + origin.get(r.index())
                    + " and "
                    + d
                    + ": the shards did not run the same campaign");
          }
          origin.putIfAbsent(r.index(), d);
        }
      }
      for (int i = 0; i < first.shardCount(); i++) {
        if (!shards.contains(i)) {
          throw new IllegalArgumentException(
              "shard "
                  + i
                  + "/"
                  + first.shardCount()
                  + " is missing; give every shard's directory");
        }
      }
      List<RunRecord> records = new ArrayList<>();
      for (String line : byIndex.values()) {
        records.add(RunRecord.parse(line));
      }
      records.sort(Comparator.comparingInt(RunRecord::index));
      CampaignOptions merged = first.withoutShard();
      Path dir =
          out != null
              ? out
              : Path.of("runs", "run-" + merged.mode().optionName() + "-" + machine.shortCommit());
      Files.createDirectories(dir);
      List<String> from = new ArrayList<>();
      dirs.forEach(d -> from.add(d.toString()));
      List<String> argv = new ArrayList<>(List.of("report", "merge"));
      argv.addAll(from);
      CampaignFiles.writeOptions(dir, merged, machine, argv, from);
      top.err()
          .println(
              "entente report merge: "
                  + records.size()
                  + " records from "
                  + dirs.size()
                  + " directories -> "
                  + dir);
      return Publish.write(dir, merged, machine, records, top.out(), top.err());
    }

    private static JsonNode read(Path file) {
      try {
        return CampaignFiles.readJson(file);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }

    private static void checkSame(
        CampaignOptions a, Machine ma, CampaignOptions b, Machine mb, Path d) {
      if (!a.withoutShard().equals(b.withoutShard()) || a.shardCount() != b.shardCount()) {
        throw new IllegalArgumentException(
            d
                + " has other options than the first directory: '"
                + b.command()
                + " --shard "
                + b.shardIndex()
                + "/"
                + b.shardCount()
                + "' vs '"
                + a.command()
                + " --shard "
                + a.shardIndex()
                + "/"
                + a.shardCount()
                + "'");
      }
      if (!ma.commit().equals(mb.commit())) {
        throw new IllegalArgumentException(
            d + " ran commit " + mb.commit() + ", the first directory " + ma.commit());
      }
    }
  }
}
