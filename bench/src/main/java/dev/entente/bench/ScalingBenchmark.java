package dev.entente.bench;

import dev.entente.impl.Replica;
import dev.entente.impl.clock.LamportClock;
import dev.entente.model.Change;
import dev.entente.model.KeyGroups;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replaying {@code changes} remote changes into one fresh replica, per policy, delivered in the
 * order they were made ({@code inOrder}), shuffled by a fixed seed ({@code shuffled}) or newest
 * first ({@code reversed}); each shot ends with one {@link Replica#materialise()}. Causal replicas
 * (MV, causal group) buffer what arrives before its causal past, so the last two orders exercise
 * the causal buffer's release; a quadratic path shows as an exponent near 2 between sizes.
 *
 * <p>Workload ({@link ScalingWorkload}): 4 replicas take turns, change {@code n} writes key {@code
 * n mod 1000} (10 causal groups of 100 keys) with value {@code n}, and each has seen every change
 * of the rounds before its own (so the 4 changes of a round are concurrent).
 *
 * <p>Single shots in a fresh JVM per parameter combination with the JVM's default heap, so that
 * {@link PeakHeapProfiler} (which {@link BenchRunner} adds for this suite) reads this replay's peak
 * heap; the input changes (built before the shot) are part of it, alike for every order. Targets
 * (issue 13): shuffled and reversed within 2x of in-order, in time and in memory.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class ScalingBenchmark {
  private static final ReplicaId READER = ReplicaId.of("reader");

  /** The changes in their three orders, built once per fork. */
  @State(Scope.Benchmark)
  public static class Workload {
    /** Changes replayed per shot. */
    @Param({"10000", "100000", "1000000"})
    public int changes;

    /** The replica's register policy. */
    @Param({"LWW", "MV", "CAUSAL_GROUP"})
    public RegisterPolicy policy;

    Change[] made;

    /** Builds the changes (outside the measurement); each method picks its order. */
    @Setup(Level.Trial)
    public void build() {
      made = ScalingWorkload.changes(changes);
    }
  }

  /** The changes in the order they were made: nothing is ever buffered. */
  @Benchmark
  public MaterialisedMap inOrder(Workload w) {
    return replay(w.policy, w.made);
  }

  /** The changes in a fixed pseudo-random order. */
  @Benchmark
  public MaterialisedMap shuffled(Workload w, Shuffled s) {
    return replay(w.policy, s.changes);
  }

  /** Newest first: a causal replica buffers all but the first round until the very end. */
  @Benchmark
  public MaterialisedMap reversed(Workload w, Reversed r) {
    return replay(w.policy, r.changes);
  }

  /** The workload shuffled (seeded), built once per fork. */
  @State(Scope.Benchmark)
  public static class Shuffled {
    Change[] changes;

    /** Shuffles a copy of the workload. */
    @Setup(Level.Trial)
    public void build(Workload w) {
      changes = ScalingWorkload.shuffled(w.made);
    }
  }

  /** The workload newest first, built once per fork. */
  @State(Scope.Benchmark)
  public static class Reversed {
    Change[] changes;

    /** Reverses a copy of the workload. */
    @Setup(Level.Trial)
    public void build(Workload w) {
      changes = ScalingWorkload.reversed(w.made);
    }
  }

  static MaterialisedMap replay(RegisterPolicy policy, Change[] changes) {
    Replica replica = Replica.create(READER, policy, KeyGroups.byParentPath(), new LamportClock());
    for (Change c : changes) {
      replica.apply(c);
    }
    return replica.materialise();
  }
}
