package dev.entente.properties.stateful;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.ApplyResult;
import dev.entente.impl.Replica;
import dev.entente.impl.clock.HybridLogicalClock;
import dev.entente.model.Change;
import dev.entente.model.KeyGroups;
import dev.entente.model.Op;
import dev.entente.model.Oracle;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of a stateful test: a few replicas with hybrid logical clocks on one manual physical
 * time base (each replica with its own fixed skew), edited and synced by generated actions.
 */
final class Cluster {
  static final int MAX_REPLICAS = 5;

  private final RegisterPolicy policy;
  private final List<Replica> replicas = new ArrayList<>();
  private long physicalMillis = 1_000;

  Cluster(RegisterPolicy policy) {
    this.policy = policy;
    addReplica(0);
  }

  int size() {
    return replicas.size();
  }

  Replica replica(int index) {
    return replicas.get(Math.floorMod(index, replicas.size()));
  }

  void addReplica(long skewMillis) {
    int index = replicas.size();
    long[] skew = {skewMillis};
    replicas.add(
        Replica.create(
            ReplicaId.of("R" + index),
            policy,
            KeyGroups.byParentPath(),
            HybridLogicalClock.unbounded(() -> Math.max(0, physicalMillis + skew[0]))));
  }

  void advance(long millis) {
    physicalMillis += millis;
  }

  void write(int replica, List<Op> ops) {
    replica(replica).transact(ops);
  }

  /** Delta sync from one replica to another; {@code keepEvery > 1} drops messages on the way. */
  void sync(int from, int to, int keepEvery) {
    Replica source = replica(from);
    Replica target = replica(to);
    List<Change> missing = source.changesSince(target.versionVector());
    for (int i = 0; i < missing.size(); i++) {
      if (i % keepEvery == 0) {
        assertThat(target.apply(missing.get(i))).isNotInstanceOf(ApplyResult.Rejected.class);
      }
    }
  }

  void mergeState(int from, int to) {
    assertThat(replica(to).merge(replica(from).state())).isEmpty();
  }

  /** The invariant: every replica is internally sound and shows the oracle's map. */
  void check() {
    for (Replica r : replicas) {
      r.checkRep();
      List<Change> delivered = r.state().changes();
      assertThat(r.materialise())
          .as("%s agrees with the oracle over its %d changes", r, delivered.size())
          .isEqualTo(Oracle.materialise(policy, delivered, KeyGroups.byParentPath()));
    }
  }

  /** Syncs every pair until quiescent, then checks that all replicas are equal. */
  void healAndCheckConvergence() {
    for (int round = 0; round < 2; round++) {
      for (int a = 0; a < replicas.size(); a++) {
        for (int b = 0; b < replicas.size(); b++) {
          sync(a, b, 1);
        }
      }
    }
    check();
    for (Replica r : replicas) {
      assertThat(r.pending()).isEmpty();
      assertThat(r.state()).isEqualTo(replicas.get(0).state());
      assertThat(r.materialise()).isEqualTo(replicas.get(0).materialise());
    }
  }

  @Override
  public String toString() {
    return "Cluster" + replicas;
  }
}
