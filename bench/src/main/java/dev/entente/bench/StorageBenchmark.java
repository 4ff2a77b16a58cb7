package dev.entente.bench;

import dev.entente.impl.clock.LamportClock;
import dev.entente.impl.storage.DurableReplica;
import dev.entente.impl.storage.StorageException;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.storage.SqliteStorage;
import dev.entente.storage.Synchronous;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable appends per second to {@link SqliteStorage} (WAL) under {@code synchronous=FULL} and
 * {@code NORMAL}: one {@link DurableReplica#transact} of one put, committed before it returns (the
 * cost of "acknowledged means durable"). The database file is in the temporary directory, so the
 * numbers are the fsync cost of the disk under it.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class StorageBenchmark {
  /** SQLite's synchronous mode. */
  @Param({"FULL", "NORMAL"})
  public Synchronous synchronous;

  private Path file;
  private DurableReplica replica;
  private int next;

  /** Opens a fresh database. */
  @Setup(Level.Trial)
  public void setUp() throws IOException, StorageException {
    file = Files.createTempFile("entente-storage-bench", ".db");
    Files.delete(file);
    replica =
        DurableReplica.open(
            ReplicaId.of("bench"),
            RegisterPolicy.LWW,
            KeyGroups.byParentPath(),
            new LamportClock(),
            SqliteStorage.open(file, RegisterPolicy.LWW, synchronous));
  }

  /** Closes and deletes the database and its WAL files. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException, StorageException {
    replica.close();
    for (String suffix : List.of("", "-wal", "-shm")) {
      Files.deleteIfExists(Path.of(file + suffix));
    }
  }

  /** One durable put over 100 keys. */
  @Benchmark
  public Object durablePut() throws StorageException {
    int i = next++;
    return replica.transact(List.of(new Op.Put(Key.of("k" + (i % 100)), Value.of("v" + i))));
  }
}
