package dev.entente.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Joins the shards of one campaign, as {@code entente report merge} does. Every directory must come
 * from a sharded {@code entente run} with the same options (and commit), and together they must
 * cover every shard 0..N-1 (repeats are fine). Their {@code runs.jsonl} are joined, identical
 * records kept once (a record is identified by its {@link RunKey}), re-aggregated and rendered, so
 * the merged {@code results.json} equals the one the unsharded run would write on the same machine
 * (with shard 0's machine). Stateless.
 */
public final class CampaignMerge {
  private CampaignMerge() {}

  /**
   * Merges {@code dirs} into {@code outDir} (or {@code runs/run-<mode>-<commit>} when null) and
   * returns the exit status: 0, or 1 if the report could not be rendered.
   *
   * @throws IllegalArgumentException if the shards do not fit together or a file is unreadable,
   *     naming the directory and the reason
   */
  public static int merge(List<Path> dirs, @Nullable Path outDir, PrintStream out, PrintStream err)
      throws IOException {
    Shards shards = read(dirs);
    CampaignOptions merged = shards.first.withoutShard();
    Path dir =
        outDir != null
            ? outDir
            : Path.of(
                "runs", "run-" + merged.mode().optionName() + "-" + shards.machine.shortCommit());
    Files.createDirectories(dir);
    List<String> from = new ArrayList<>();
    dirs.forEach(d -> from.add(d.toString()));
    List<String> argv = new ArrayList<>(List.of("report", "merge"));
    argv.addAll(from);
    CampaignFiles.writeOptions(dir, merged, shards.machine, argv, from);
    List<RunRecord> records = new ArrayList<>(shards.records.values());
    err.println(
        "entente report merge: "
            + records.size()
            + " records from "
            + dirs.size()
            + " directories -> "
            + dir);
    return Publish.write(dir, merged, shards.machine, records, out, err);
  }

  /** What the shard directories hold together. */
  private static final class Shards {
    final CampaignOptions first;
    Machine machine;
    final TreeSet<Integer> seen = new TreeSet<>();
    final Map<RunKey, RunRecord> records = new TreeMap<>();
    final Map<RunKey, Path> origin = new TreeMap<>();

    Shards(CampaignOptions first, Machine machine) {
      this.first = first;
      this.machine = machine;
    }
  }

  private static Shards read(List<Path> dirs) throws IOException {
    Shards s = null;
    for (Path d : dirs) {
      JsonNode json = readJson(d.resolve(CampaignFiles.OPTIONS));
      CampaignOptions o;
      try {
        o = CampaignOptions.fromJson(json);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(d + ": " + e.getMessage(), e);
      }
      Machine m = Machine.fromJson(json.path("machine"));
      if (s == null) {
        s = new Shards(o, m);
      } else {
        checkSame(s.first, s.machine, o, m, d);
      }
      if (o.shard().index() == 0) {
        s.machine = m;
      }
      s.seen.add(o.shard().index());
      addRecords(s, d);
    }
    if (s == null) {
      throw new IllegalArgumentException("no shard directories to merge");
    }
    for (int i = 0; i < s.first.shard().count(); i++) {
      if (!s.seen.contains(i)) {
        throw new IllegalArgumentException(
            "shard "
                + i
                + "/"
                + s.first.shard().count()
                + " is missing; give every shard's directory");
      }
    }
    return s;
  }

  private static void addRecords(Shards s, Path d) throws IOException {
    for (String line : CampaignFiles.readRunLines(d)) {
      RunRecord r;
      try {
        r = RunRecord.parse(line);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            d.resolve(CampaignFiles.RUNS) + ": " + e.getMessage(), e);
      }
      RunRecord earlier = s.records.putIfAbsent(r.key(), r);
      if (earlier != null && !earlier.toJsonLine().equals(r.toJsonLine())) {
        throw new IllegalArgumentException(
            "record "
                + r.key()
                + " differs between "
                + s.origin.get(r.key())
                + " and "
                + d
                + ": the shards did not run the same campaign");
      }
      s.origin.putIfAbsent(r.key(), d);
    }
  }

  private static JsonNode readJson(Path file) {
    try {
      return CampaignFiles.readJson(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void checkSame(
      CampaignOptions a, Machine ma, CampaignOptions b, Machine mb, Path d) {
    if (!a.withoutShard().equals(b.withoutShard()) || a.shard().count() != b.shard().count()) {
      throw new IllegalArgumentException(
          d
              + " has other options than the first directory: '"
              + b.command()
              + " --shard "
              + b.shard().index()
              + "/"
              + b.shard().count()
              + "' vs '"
              + a.command()
              + " --shard "
              + a.shard().index()
              + "/"
              + a.shard().count()
              + "'");
    }
    if (!ma.commit().equals(mb.commit())) {
      throw new IllegalArgumentException(
          d + " ran commit " + mb.commit() + ", the first directory " + ma.commit());
    }
  }
}
