package dev.entente.bench;

import dev.entente.impl.ReplicaState;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.apache.pekko.cluster.ddata.LWWMap;
import org.apache.pekko.cluster.ddata.SelfUniqueAddress;
import org.automerge.Document;
import org.automerge.ObjectId;
import org.automerge.Transaction;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The two sides of work (b), one state per contestant so that a benchmark builds only its own, once
 * per trial: A and B each make {@value PeersWorkload#MERGE_WRITES} writes of the workload
 * concurrently (B's values offset by {@value PeersWorkload#B_OFFSET}), each write its own change,
 * on clocks frozen at the fixtures' wall time so that the build is deterministic. B's clock stands
 * 1 ms ahead of A's ({@link PeersWorkload#sideWallMillis}), so B wins every key for every LWW
 * contestant alike (on a tie each would apply its own tie-break).
 */
public final class PeerMergeInputs {
  private PeerMergeInputs() {}

  private static String value(PeersWorkload w, int n, boolean sideB) {
    return sideB ? PeersWorkload.valueB(n) : w.values[n];
  }

  /** The floor's sides. */
  @State(Scope.Benchmark)
  public static class Floor {
    PeersWorkload workload = new PeersWorkload();
    PlainFloor a;
    PlainFloor b;

    /** Builds both sides. */
    @Setup(Level.Trial)
    public void build() {
      a = side(1, false);
      b = side(2, true);
    }

    private PlainFloor side(int writer, boolean sideB) {
      long wall = PeersWorkload.sideWallMillis(sideB);
      PlainFloor f = new PlainFloor(writer, () -> wall);
      for (int n = 0; n < workload.mergeWrites(); n++) {
        f.put(workload.keyNames[n % workload.keys], value(workload, n, sideB));
      }
      return f;
    }
  }

  /** Pekko's sides. */
  @State(Scope.Benchmark)
  public static class Pekko {
    PeersWorkload workload = new PeersWorkload();
    LWWMap<String, String> a;
    LWWMap<String, String> b;

    /** Builds both sides, then drops the pending deltas. */
    @Setup(Level.Trial)
    public void build() {
      a = side(PeersBenchmark.PeerInputs.pekkoNode("A", 1), false);
      b = side(PeersBenchmark.PeerInputs.pekkoNode("B", 2), true);
    }

    private LWWMap<String, String> side(SelfUniqueAddress node, boolean sideB) {
      long wall = PeersWorkload.sideWallMillis(sideB);
      PlainFloor stamps = new PlainFloor(0, () -> wall);
      LWWMap<String, String> map = LWWMap.create();
      for (int n = 0; n < workload.mergeWrites(); n++) {
        long stamp = stamps.now();
        String key = workload.keyNames[n % workload.keys];
        map = map.put(node, key, value(workload, n, sideB), (c, v) -> stamp);
      }
      // Each put also records a delta for delta-CRDT gossip; a received full state has none.
      return map.resetDelta();
    }
  }

  /** Automerge's sides: one document each, every write its own committed transaction. */
  @State(Scope.Benchmark)
  public static class Automerge {
    PeersWorkload workload = new PeersWorkload();
    Document a;
    Document b;

    /** Builds both documents with fixed actor ids. */
    @Setup(Level.Trial)
    public void build() {
      a = side(PeersWorkload.A, false);
      b = side(PeersWorkload.B, true);
    }

    /** Frees the native documents. */
    @TearDown(Level.Trial)
    public void free() {
      a.free();
      b.free();
    }

    private Document side(ReplicaId id, boolean sideB) {
      Document doc = new Document(id.value().getBytes(StandardCharsets.US_ASCII));
      for (int n = 0; n < workload.mergeWrites(); n++) {
        try (Transaction tx = doc.startTransaction()) {
          tx.set(ObjectId.ROOT, workload.keyNames[n % workload.keys], value(workload, n, sideB));
          tx.commit();
        }
      }
      return doc;
    }
  }

  /** Entente's sides per policy, made through {@code Replica.put}; built on first use. */
  @State(Scope.Benchmark)
  public static class Entente {
    PeersWorkload workload = new PeersWorkload();
    private final Map<RegisterPolicy, ReplicaState> statesA = new EnumMap<>(RegisterPolicy.class);
    private final Map<RegisterPolicy, ReplicaState> statesB = new EnumMap<>(RegisterPolicy.class);

    /** Side A's state under {@code policy}. */
    ReplicaState stateA(RegisterPolicy policy) {
      return state(statesA, policy, false);
    }

    /** Side B's state under {@code policy}. */
    ReplicaState stateB(RegisterPolicy policy) {
      return state(statesB, policy, true);
    }

    private ReplicaState state(
        Map<RegisterPolicy, ReplicaState> built, RegisterPolicy policy, boolean sideB) {
      ReplicaState s = built.get(policy);
      if (s == null) {
        s = workload.sideState(sideB ? PeersWorkload.B : PeersWorkload.A, policy, sideB);
        built.put(policy, s);
      }
      return s;
    }
  }
}
