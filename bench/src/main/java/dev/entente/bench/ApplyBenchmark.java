package dev.entente.bench;

import dev.entente.impl.ApplyResult;
import dev.entente.impl.LwwMap;
import dev.entente.impl.Replica;
import dev.entente.impl.clock.HybridLogicalClock;
import dev.entente.impl.clock.SystemPhysicalClock;
import dev.entente.model.Change;
import dev.entente.model.Check;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of applying one remote change (a put or a delete of one key), beside a plain {@link
 * HashMap} doing the same stores (the floor).
 *
 * <p>Method: {@code keys} single-op changes, one per distinct key (every tenth a delete), are built
 * once per trial. Each invocation applies the next {@value #BATCH} of them; when all {@code keys}
 * are in, the target is replaced by an empty one (an O(1) step inside the measured time, amortised
 * over {@code keys} applies). So the score is the mean cost of one apply while a map grows from
 * empty to {@code keys} keys, growth and garbage included, for every contestant alike:
 *
 * <ul>
 *   <li>{@code hashMapPut}: {@code HashMap<Key, Op>.put} of each change's op: storage without
 *       conflict resolution, the floor.
 *   <li>{@code lwwMapApply}: {@link LwwMap#apply} directly: the register join.
 *   <li>{@code replicaApply}: {@link Replica#apply} on an LWW replica: dedup check, HLC observe
 *       (real clock), dot bookkeeping, change log, then the map. Target (issue 5): within 2x the
 *       floor.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = "-Xmx4g")
public class ApplyBenchmark {
  /** Changes applied per invocation; every {@code keys} value is a multiple of it. */
  static final int BATCH = 1000;

  private static final ReplicaId LOCAL = ReplicaId.of("local");
  private static final ReplicaId REMOTE = ReplicaId.of("remote");

  /** The workload, built once per trial and shared by the contestants. */
  @State(Scope.Benchmark)
  public static class Workload {
    /** Distinct keys in the map when a cycle ends. */
    @Param({"1000", "100000", "1000000"})
    public int keys;

    Change[] changes;
    Op[] ops;

    /** Builds the changes (outside the measurement). */
    @Setup(Level.Trial)
    public void build() {
      Check.argument(keys % BATCH == 0, "keys %d must be a multiple of %d", keys, BATCH);
      changes = Fixtures.putDeleteWorkload(REMOTE, "k", keys);
      ops = new Op[keys];
      for (int i = 0; i < keys; i++) {
        ops[i] = changes[i].ops().get(0);
      }
    }
  }

  /** A position in the workload; each contestant keeps its own. */
  abstract static class Cursor {
    int next;

    /** The first index of the next batch, starting a new cycle when the workload is used up. */
    final int advance(int length) {
      if (next == length) {
        next = 0;
        reset();
      }
      int start = next;
      next += BATCH;
      return start;
    }

    abstract void reset();
  }

  /** The floor's target. */
  @State(Scope.Thread)
  public static class HashMapTarget extends Cursor {
    Map<Key, Op> map = new HashMap<>();

    @Override
    void reset() {
      map = new HashMap<>();
    }
  }

  /** The bare LWW map. */
  @State(Scope.Thread)
  public static class LwwTarget extends Cursor {
    LwwMap map = new LwwMap();

    @Override
    void reset() {
      map = new LwwMap();
    }
  }

  /** An LWW replica with an HLC on the real clock, as a device would run it. */
  @State(Scope.Thread)
  public static class ReplicaTarget extends Cursor {
    Replica replica = newReplica();

    @Override
    void reset() {
      replica = newReplica();
    }

    private static Replica newReplica() {
      return Replica.create(
          LOCAL,
          RegisterPolicy.LWW,
          KeyGroups.singletons(),
          HybridLogicalClock.unbounded(SystemPhysicalClock.INSTANCE));
    }
  }

  /** The floor: store each op under its key. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Map<Key, Op> hashMapPut(Workload w, HashMapTarget t) {
    int start = t.advance(w.keys);
    Map<Key, Op> map = t.map;
    for (int i = start; i < start + BATCH; i++) {
      Op op = w.ops[i];
      map.put(op.key(), op);
    }
    return map;
  }

  /** The LWW register join, without the replica around it. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public LwwMap lwwMapApply(Workload w, LwwTarget t) {
    int start = t.advance(w.keys);
    LwwMap map = t.map;
    for (int i = start; i < start + BATCH; i++) {
      map.apply(w.changes[i]);
    }
    return map;
  }

  /** A remote change offered to a replica. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void replicaApply(Workload w, ReplicaTarget t, Blackhole bh) {
    int start = t.advance(w.keys);
    Replica replica = t.replica;
    for (int i = start; i < start + BATCH; i++) {
      ApplyResult result = replica.apply(w.changes[i]);
      bh.consume(result);
    }
  }
}
