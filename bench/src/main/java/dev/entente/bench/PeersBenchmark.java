package dev.entente.bench;

import dev.entente.impl.Replica;
import dev.entente.impl.clock.HybridLogicalClock;
import dev.entente.impl.clock.SystemPhysicalClock;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.Address;
import org.apache.pekko.cluster.UniqueAddress;
import org.apache.pekko.cluster.ddata.LWWMap;
import org.apache.pekko.cluster.ddata.SelfUniqueAddress;
import org.automerge.Document;
import org.automerge.ObjectId;
import org.automerge.Transaction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 13's peers benchmark: the same work ({@link PeersWorkload}) for a plain floor ({@link
 * PlainFloor}), Entente through the API its users call, for every register policy, Apache Pekko's
 * {@code LWWMap} and Automerge (JNI), in one JMH run with Pekko's 15 warm-up shots. Each shot is
 * one whole piece of work (single-shot time), so the score of a shot is the time of the work:
 *
 * <ul>
 *   <li>(a) {@code *Put}: {@value PeersWorkload#PUTS} puts on one empty replica, each its own
 *       change ({@code Replica.put}; Pekko {@code LWWMap.put}; Automerge one committed transaction
 *       each). {@code *Transact}: the same puts in transactions of {@value PeersWorkload#TX_OPS}
 *       ops ({@code Replica.transact}). Pekko has no transactions.
 *   <li>(b) {@code *Merge}: side B's state merged into a fresh replica that already holds side A's,
 *       {@value PeersWorkload#MERGE_WRITES} writes each ({@code Replica.merge(ReplicaState)};
 *       Pekko's persistent {@code LWWMap.merge}; Automerge {@code Document.merge} into a fork of
 *       A). The receiving replica is built in an untimed per-invocation setup ({@link
 *       PeerTargets}).
 *   <li>{@code hlcNow} against {@code currentTimeMillis}: {@value PeersWorkload#PUTS} timestamps
 *       from Entente's HLC on the real clock against as many plain clock reads.
 * </ul>
 *
 * <p>The encoded size of the merged states (work (c)) is deterministic and comes from {@link
 * PeerBytes}, not from here. Allocation per put comes from running this class under JMH's GC
 * profiler ({@code BenchRunner} does): {@code gc.alloc.rate.norm} of a {@code *Put} shot divided by
 * the puts.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 15)
@Measurement(iterations = 15)
@Fork(value = 2, jvmArgsAppend = "-Xmx2g")
public class PeersBenchmark {
  /** The plain floor, each put its own stamp. */
  @Benchmark
  public int floorPut(PeerInputs in) {
    PlainFloor floor = PlainFloor.onSystemClock(0);
    PeersWorkload w = in.workload;
    for (int n = 0; n < w.puts; n++) {
      floor.put(w.keyNames[n % w.keys], w.values[n]);
    }
    return floor.registers.size();
  }

  /** Pekko's LWWMap on its default clock (the real one). */
  @Benchmark
  public LWWMap<String, String> pekkoPut(PeerInputs in) {
    LWWMap<String, String> map = LWWMap.create();
    PeersWorkload w = in.workload;
    for (int n = 0; n < w.puts; n++) {
      map = map.put(in.pekkoNode, w.keyNames[n % w.keys], w.values[n]);
    }
    return map;
  }

  /** Automerge, one committed transaction per put. */
  @Benchmark
  public int automergePut(PeerInputs in) {
    return automergeWrites(in.workload, 1);
  }

  /**
   * The workload's puts into a fresh Automerge document, {@code perTransaction} puts to each
   * committed transaction; returns the number of heads (1: one actor's linear history).
   */
  static int automergeWrites(PeersWorkload w, int perTransaction) {
    Document doc = new Document(PeerInputs.AUTOMERGE_ACTOR);
    try {
      for (int from = 0; from < w.puts; from += perTransaction) {
        try (Transaction tx = doc.startTransaction()) {
          for (int n = from; n < Math.min(w.puts, from + perTransaction); n++) {
            tx.set(ObjectId.ROOT, w.keyNames[n % w.keys], w.values[n]);
          }
          tx.commit();
        }
      }
      return doc.getHeads().length;
    } finally {
      doc.free();
    }
  }

  /** Entente, LWW: {@code Replica.put}. */
  @Benchmark
  public Replica ententeLwwPut(PeerInputs in) {
    return puts(in.workload, RegisterPolicy.LWW);
  }

  /** Entente, multi-value. */
  @Benchmark
  public Replica ententeMvPut(PeerInputs in) {
    return puts(in.workload, RegisterPolicy.MV);
  }

  /** Entente, causal groups (one key a group). */
  @Benchmark
  public Replica ententeCausalPut(PeerInputs in) {
    return puts(in.workload, RegisterPolicy.CAUSAL_GROUP);
  }

  static Replica puts(PeersWorkload w, RegisterPolicy policy) {
    Replica r = PeersWorkload.device(PeersWorkload.RECEIVER, policy);
    for (int n = 0; n < w.puts; n++) {
      r.put(w.ententeKeys[n % w.keys], w.ententeValues[n]);
    }
    return r;
  }

  /** The floor, one stamp per transaction. */
  @Benchmark
  public int floorTransact(PeerInputs in) {
    PlainFloor floor = PlainFloor.onSystemClock(0);
    PeersWorkload w = in.workload;
    for (int from = 0; from < w.puts; from += PeersWorkload.TX_OPS) {
      floor.transact(w.keyNames, w.values, from, Math.min(w.puts, from + PeersWorkload.TX_OPS));
    }
    return floor.registers.size();
  }

  /** Automerge, {@value PeersWorkload#TX_OPS} puts per committed transaction. */
  @Benchmark
  public int automergeTransact(PeerInputs in) {
    return automergeWrites(in.workload, PeersWorkload.TX_OPS);
  }

  /** Entente, LWW: {@code Replica.transact}. */
  @Benchmark
  public Replica ententeLwwTransact(PeerInputs in) {
    return transactions(in.workload, RegisterPolicy.LWW);
  }

  /** Entente, multi-value. */
  @Benchmark
  public Replica ententeMvTransact(PeerInputs in) {
    return transactions(in.workload, RegisterPolicy.MV);
  }

  /** Entente, causal groups. */
  @Benchmark
  public Replica ententeCausalTransact(PeerInputs in) {
    return transactions(in.workload, RegisterPolicy.CAUSAL_GROUP);
  }

  static Replica transactions(PeersWorkload w, RegisterPolicy policy) {
    Replica r = PeersWorkload.device(PeersWorkload.RECEIVER, policy);
    for (int from = 0; from < w.puts; from += PeersWorkload.TX_OPS) {
      int to = Math.min(w.puts, from + PeersWorkload.TX_OPS);
      List<Op> ops = new ArrayList<>(to - from);
      for (int n = from; n < to; n++) {
        ops.add(new Op.Put(w.ententeKeys[n % w.keys], w.ententeValues[n]));
      }
      r.transact(ops);
    }
    return r;
  }

  /** The floor's join into a copy of A made untimed. */
  @Benchmark
  public int floorMerge(PeerMergeInputs.Floor in, PeerTargets.Floor target) {
    target.floor.mergeFrom(in.b);
    return target.floor.registers.size();
  }

  /** Pekko's persistent join: it returns the merged map and so needs no copy of A. */
  @Benchmark
  public LWWMap<String, String> pekkoMerge(PeerMergeInputs.Pekko in) {
    return in.a.merge(in.b);
  }

  /** Automerge: B's changes applied to a fork of A made untimed. */
  @Benchmark
  public Document automergeMerge(PeerMergeInputs.Automerge in, PeerTargets.Automerge target) {
    target.fork.merge(in.b);
    return target.fork;
  }

  /** Entente, LWW: {@code Replica.merge(ReplicaState)} into a replica holding A's state. */
  @Benchmark
  public Replica ententeLwwMerge(PeerMergeInputs.Entente in, PeerTargets.Lww target) {
    target.replica.merge(in.stateB(RegisterPolicy.LWW));
    return target.replica;
  }

  /** Entente, multi-value. */
  @Benchmark
  public Replica ententeMvMerge(PeerMergeInputs.Entente in, PeerTargets.Mv target) {
    target.replica.merge(in.stateB(RegisterPolicy.MV));
    return target.replica;
  }

  /** Entente, causal groups. */
  @Benchmark
  public Replica ententeCausalMerge(PeerMergeInputs.Entente in, PeerTargets.Causal target) {
    target.replica.merge(in.stateB(RegisterPolicy.CAUSAL_GROUP));
    return target.replica;
  }

  /** Timestamps for as many local events as work (a) has, from Entente's HLC on the real clock. */
  @Benchmark
  public void hlcNow(PeerInputs in, Blackhole bh) {
    HybridLogicalClock hlc = HybridLogicalClock.unbounded(SystemPhysicalClock.INSTANCE);
    for (int n = 0; n < in.workload.puts; n++) {
      bh.consume(hlc.now());
    }
  }

  /** The physical floor: as many plain clock reads. */
  @Benchmark
  public void currentTimeMillis(PeerInputs in, Blackhole bh) {
    for (int n = 0; n < in.workload.puts; n++) {
      bh.consume(System.currentTimeMillis());
    }
  }

  /** The workload's keys and values and Pekko's node, shared by the puts. */
  @State(Scope.Benchmark)
  public static class PeerInputs {
    static final byte[] AUTOMERGE_ACTOR = {'R'};

    PeersWorkload workload = new PeersWorkload();
    SelfUniqueAddress pekkoNode = PeerInputs.pekkoNode("R", 3);

    static SelfUniqueAddress pekkoNode(String system, long uid) {
      Address address = new Address("pekko", "peers-" + system, "127.0.0.1", 25520);
      return new SelfUniqueAddress(UniqueAddress.apply(address, uid));
    }
  }
}
