package dev.entente.cli;

import dev.entente.campaign.ChangeLineReplay;
import dev.entente.histories.interchange.ChangeJson;
import dev.entente.histories.interchange.JsonLines;
import dev.entente.histories.interchange.MaterialisedJson;
import dev.entente.impl.clock.LamportClock;
import dev.entente.impl.schema.SchemaException;
import dev.entente.impl.schema.SchemaRead;
import dev.entente.impl.storage.DurableReplica;
import dev.entente.impl.storage.StorageException;
import dev.entente.model.KeyGroups;
import dev.entente.model.RegisterPolicy;
import dev.entente.storage.SnapshotFile;
import dev.entente.storage.SnapshotFileException;
import dev.entente.storage.SqliteStorage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code entente replay}: applies a JSON Lines log of changes (see {@link ChangeJson}) to one
 * replica and prints the materialised map (see {@link MaterialisedJson}) on stdout.
 *
 * <p>Every bad line is reported on stderr as {@code line N: reason} and skipped; the good lines are
 * still applied and the map is still printed. Exit status 1 if any line was bad or any change never
 * became deliverable, 2 if the file cannot be read, else 0.
 *
 * <p>With {@code --db DB} the replica lives in a SQLite database ({@link SqliteStorage}): each good
 * line is committed before {@code ack N} is printed and flushed on stdout, so a process killed at
 * any moment has stored every acknowledged line; the map printed at the end is the stored
 * replica's. Exit status 4 if a commit fails (nothing after the last ack is stored).
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Applies changes, one JSON object per line, to a replica and prints the materialised map.",
      "Bad lines are reported on stderr as 'line N: reason' and skipped."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:every line applied",
      "1:some line was bad or some change never became deliverable",
      "2:usage error or unreadable FILE",
      "3:internal error",
      "4:the --db database could not be written (nothing after the last 'ack N' is stored)"
    })
final class ReplayCommand implements Callable<Integer> {
  /** Exit status when the database cannot be written (a full disk, an I/O error). */
  static final int EXIT_STORAGE = 4;

  @ParentCommand private EntenteCommand parent;

  @Option(
      names = "--policy",
      required = true,
      paramLabel = "POLICY",
      converter = PolicyName.class,
      completionCandidates = PolicyName.class,
      description = "Register policy: ${COMPLETION-CANDIDATES}.")
  private RegisterPolicy policy;

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE",
      description = "JSON Lines input; stdin when absent or '-'.")
  private @Nullable String file;

  @Option(
      names = "--db",
      paramLabel = "DB",
      description = {
        "SQLite database (created if absent) that keeps the replica: each good line is committed",
        "(WAL, synchronous=FULL) and acknowledged on stdout as 'ack N' once durable; the map",
        "printed at the end is the stored replica's, earlier runs included."
      })
  private @Nullable Path db;

  @Option(names = "--snapshot-in", paramLabel = "S", description = "Start from snapshot S.")
  private @Nullable Path snapshotIn;

  @Option(names = "--snapshot-out", paramLabel = "S", description = "Write the snapshot to S.")
  private @Nullable Path snapshotOut;

  @Option(names = "--schema", paramLabel = "FILE", description = "Schema file: print the view.")
  private @Nullable Path schema;

  @Option(names = "--read-as", paramLabel = "V", description = "Version to read at (0: latest).")
  private int readAs;

  @Override
  public Integer call() {
    Path dbFile = db;
    if (dbFile != null) {
      return callStored(dbFile);
    }
    try {
      ChangeLineReplay replay =
          new ChangeLineReplay(SnapshotFile.open(ChangeLineReplay.REPLICA_ID, policy, snapshotIn));
      if (!feed(replay, false)) {
        return EntenteCommand.EXIT_USAGE;
      }
      if (snapshotOut != null) {
        SnapshotFile.write(snapshotOut, replay.replica());
      }
      return finish(replay, 0);
    } catch (SnapshotFileException e) {
      parent.err().println("entente replay: " + e.getMessage());
      return EntenteCommand.EXIT_USAGE;
    } catch (StorageException e) {
      // An in-memory replay has no storage; this cannot happen, but is not silently dropped.
      throw new IllegalStateException(e);
    }
  }

  private Integer callStored(Path dbFile) {
    PrintStream err = parent.err();
    DurableReplica durable;
    try {
      durable = openReplica(SqliteStorage.open(dbFile, policy));
    } catch (StorageException e) {
      err.println("entente replay: cannot open database " + dbFile + ": " + e.getMessage());
      return EntenteCommand.EXIT_USAGE;
    }
    try (DurableReplica stored = durable) {
      stored.quarantined().forEach(q -> err.println(dbFile + ": quarantined " + q));
      ChangeLineReplay replay = new ChangeLineReplay(stored);
      return feed(replay, true)
          ? finish(replay, stored.quarantined().size())
          : EntenteCommand.EXIT_USAGE;
    } catch (StorageException e) {
      err.println("entente replay: database " + dbFile + ": " + e.getMessage());
      return EXIT_STORAGE;
    }
  }

  private DurableReplica openReplica(SqliteStorage storage) throws StorageException {
    try {
      return DurableReplica.open(
          ChangeLineReplay.REPLICA_ID,
          policy,
          KeyGroups.byParentPath(),
          new LamportClock(),
          storage);
    } catch (StorageException | RuntimeException e) {
      storage.close();
      throw e;
    }
  }

  /**
   * Feeds every input line to {@code replay}, printing {@code ack N} (flushed) after each good line
   * when {@code acknowledge}. Returns false if the input could not be read (reported).
   */
  private boolean feed(ChangeLineReplay replay, boolean acknowledge) throws StorageException {
    PrintStream out = parent.out();
    try (InputStream in = open()) {
      JsonLines lines = new JsonLines(in);
      for (JsonLines.Line line = lines.next(); line != null; line = lines.next()) {
        if (replay.accept(line) && acknowledge) {
          out.println("ack " + line.number());
          out.flush();
        }
      }
    } catch (IOException e) {
      parent.err().println("entente replay: cannot read " + describeInput() + ": " + describe(e));
      return false;
    }
    return true;
  }

  private Integer finish(ChangeLineReplay replay, int otherProblems) {
    replay.finish();
    List<String> problems = replay.problems();
    problems.forEach(parent.err()::println);
    parent.out().println(MaterialisedJson.write(replay.materialise(), policy));
    Path schemaFile = schema;
    if (schemaFile != null) {
      try {
        String text = Files.readString(schemaFile);
        parent.out().println(SchemaRead.render(schemaFile.toString(), text, readAs, replay.log()));
      } catch (IOException | SchemaException e) {
        parent.err().println("entente replay: " + e.getMessage());
        return EntenteCommand.EXIT_USAGE;
      }
    }
    return problems.isEmpty() && otherProblems == 0 ? 0 : EntenteCommand.EXIT_FAILED;
  }

  private InputStream open() throws IOException {
    InputStream raw = readsStdin() ? parent.in() : Files.newInputStream(Path.of(file));
    return new BufferedInputStream(raw);
  }

  private boolean readsStdin() {
    return file == null || file.equals("-");
  }

  private static String describe(IOException e) {
    return e instanceof NoSuchFileException ? "no such file" : e.toString();
  }

  private String describeInput() {
    return file == null || readsStdin() ? "stdin" : file;
  }
}
