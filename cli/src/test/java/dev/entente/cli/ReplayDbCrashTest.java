package dev.entente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.histories.interchange.ChangeJson;
import dev.entente.impl.Replica;
import dev.entente.impl.clock.LamportClock;
import dev.entente.impl.storage.DurableReplica;
import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.Oracle;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.storage.SqliteStorage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real-process crash test of {@code entente replay --db}: a child JVM replays chunks of MV
 * changes into one SQLite database and is killed with SIGKILL after a seeded number of acks, over
 * and over. After every kill the database must open, hold every acknowledged change, and its
 * replica and materialised table must equal the oracle of what it stores. Kills: {@code
 * -Dentente.crash.kills=N} (30 by default); the seed: {@code -Dentente.crash.seed}.
 */
class ReplayDbCrashTest {
  private static final int CHUNK = 40;
  private static final List<ReplicaId> WRITERS =
      List.of(ReplicaId.of("A"), ReplicaId.of("B"), ReplicaId.of("C"));

  @TempDir Path dir;

  @Test
  void replayDb_killedWithSigkillAtSeededMoments_losesNoAcknowledgedLine() throws Exception {
    int kills = Integer.getInteger("entente.crash.kills", 30);
    Random random = new Random(Long.getLong("entente.crash.seed", 20261201L));
    List<Change> changes = writes(random, kills * CHUNK);
    Path db = dir.resolve("crash.db");
    Set<Change> acknowledged = new HashSet<>();
    int killed = 0;
    for (int round = 0; round < kills; round++) {
      List<Change> chunk = shuffled(changes.subList(round * CHUNK, (round + 1) * CHUNK), random);
      int killAfter = random.nextInt(CHUNK - 5);
      killed += runAndKill(db, chunk, killAfter, acknowledged) ? 1 : 0;
      checkStored(db, acknowledged);
    }
    // The counts go to the test log: the closing note reports them.
    System.out.printf(
        "crash test: %d kills, %d acknowledged changes verified after every kill%n",
        killed, acknowledged.size());
    assertThat(killed).as("children killed before they finished").isEqualTo(kills);
    assertThat(acknowledged).as("acknowledged changes verified").hasSizeGreaterThan(kills * 5);
  }

  /** Runs one child on {@code chunk}; kills it after {@code killAfter} acks; true if killed. */
  private boolean runAndKill(Path db, List<Change> chunk, int killAfter, Set<Change> acked)
      throws Exception {
    Path input = dir.resolve("chunk.jsonl");
    List<String> lines = new ArrayList<>();
    chunk.forEach(c -> lines.add(ChangeJson.write(c)));
    Files.write(input, lines, StandardCharsets.UTF_8);
    Process child = start(db, input);
    boolean killed = false;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      int seen = 0;
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (!line.startsWith("ack ")) {
          break;
        }
        acked.add(chunk.get(Integer.parseInt(line.substring(4)) - 1));
        if (++seen > killAfter) {
          child.destroyForcibly();
          killed = true;
          break;
        }
      }
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
    return killed;
  }

  private Process start(Path db, Path input) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            EntenteCommand.class.getName(),
            "replay",
            "--policy",
            "mv",
            "--db",
            db.toString(),
            input.toString());
    pb.redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("child.err").toFile()));
    return pb.start();
  }

  private static void checkStored(Path db, Set<Change> acknowledged) throws Exception {
    try (SqliteStorage storage = SqliteStorage.open(db, RegisterPolicy.MV);
        DurableReplica r =
            DurableReplica.open(
                ReplicaId.of("checker"),
                RegisterPolicy.MV,
                KeyGroups.byParentPath(),
                new LamportClock(),
                storage)) {
      assertThat(r.quarantined()).isEmpty();
      Set<Change> stored = new HashSet<>(r.delivered());
      stored.addAll(r.pending());
      assertThat(stored).containsAll(acknowledged);
      assertThat(r.materialise())
          .isEqualTo(
              Oracle.materialise(RegisterPolicy.MV, r.delivered(), KeyGroups.byParentPath()));
      assertThat(storage.readMaterialised()).isEqualTo(r.materialise());
      r.checkRep();
    }
  }

  /** {@code count} MV changes by three writers that sometimes sync from each other. */
  private static List<Change> writes(Random random, int count) {
    List<Replica> writers = new ArrayList<>();
    for (ReplicaId id : WRITERS) {
      writers.add(
          Replica.create(id, RegisterPolicy.MV, KeyGroups.byParentPath(), new LamportClock()));
    }
    List<Change> out = new ArrayList<>();
    while (out.size() < count) {
      Replica w = writers.get(random.nextInt(writers.size()));
      if (random.nextInt(4) == 0) {
        Replica from = writers.get(random.nextInt(writers.size()));
        from.changesSince(w.versionVector()).forEach(w::apply);
      }
      Key key = Key.of("k" + random.nextInt(8));
      out.add(random.nextInt(5) == 0 ? w.delete(key) : w.put(key, Value.of("v" + out.size())));
    }
    return out;
  }

  /** Swaps neighbours now and then, so the child buffers changes that arrive early. */
  private static List<Change> shuffled(List<Change> chunk, Random random) {
    List<Change> out = new ArrayList<>(chunk);
    for (int i = 0; i + 1 < out.size(); i++) {
      if (random.nextInt(3) == 0) {
        Change c = out.get(i);
        out.set(i, out.get(i + 1));
        out.set(i + 1, c);
      }
    }
    return out;
  }
}
