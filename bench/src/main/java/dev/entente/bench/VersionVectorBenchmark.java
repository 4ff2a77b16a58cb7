package dev.entente.bench;

import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Version-vector merge, compare and dominates over {@code replicas} entries, beside a dense {@code
 * long[]} doing the same entry-wise work (the floor a fixed replica set would allow).
 *
 * <p>The two inputs are concurrent and differ only at their first and last entries, so every
 * operation measured here must scan all entries: {@code merge} joins them; {@code compare} relates
 * the join to one input (AFTER: both directions scan to the end); {@code dominates} checks the join
 * against the other input (true: a full scan).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class VersionVectorBenchmark {
  /** Entries per vector. */
  @Param({"4", "64", "1024"})
  public int replicas;

  private VersionVector a;
  private VersionVector b;
  private VersionVector joined;
  private long[] denseA;
  private long[] denseB;
  private long[] denseJoined;

  /** Builds the two concurrent vectors and their join. */
  @Setup
  public void setUp() {
    TreeMap<ReplicaId, Long> left = new TreeMap<>();
    TreeMap<ReplicaId, Long> right = new TreeMap<>();
    denseA = new long[replicas];
    denseB = new long[replicas];
    for (int i = 0; i < replicas; i++) {
      ReplicaId r = ReplicaId.of(String.format(Locale.ROOT, "r%04d", i));
      denseA[i] = 100 + (i == replicas - 1 ? -1 : 0);
      denseB[i] = 100 + (i == 0 ? -1 : 0);
      left.put(r, denseA[i]);
      right.put(r, denseB[i]);
    }
    a = VersionVector.of(left);
    b = VersionVector.of(right);
    joined = a.merge(b);
    denseJoined = denseMerge(denseA, denseB);
  }

  /** The lattice join of two concurrent vectors. */
  @Benchmark
  public VersionVector merge() {
    return a.merge(b);
  }

  /** The join against one input: AFTER, both directions scanned in full. */
  @Benchmark
  public VersionVector.Ordering compare() {
    return joined.compare(a);
  }

  /** The join dominates the other input: a full scan that succeeds. */
  @Benchmark
  public boolean dominates() {
    return joined.dominates(b);
  }

  /** The floor for merge: entry-wise maximum of two dense arrays into a new one. */
  @Benchmark
  public long[] denseMergeFloor() {
    return denseMerge(denseA, denseB);
  }

  /** The floor for dominates: entry-wise comparison of two dense arrays. */
  @Benchmark
  public boolean denseDominatesFloor() {
    for (int i = 0; i < denseJoined.length; i++) {
      if (denseJoined[i] < denseB[i]) {
        return false;
      }
    }
    return true;
  }

  private static long[] denseMerge(long[] x, long[] y) {
    long[] out = new long[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = Math.max(x[i], y[i]);
    }
    return out;
  }
}
