package dev.entente.node.replica;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.clock.HybridLogicalClock;
import dev.entente.impl.storage.DurableReplica;
import dev.entente.impl.storage.MemoryStorage;
import dev.entente.model.Change;
import dev.entente.model.KeyGroups;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.node.wire.RelayFrame;
import dev.entente.node.wire.SyncMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The sync engine without sockets: two engines wired back to back, messages handed over by hand.
 */
class SyncEngineTest {
  private static DurableReplica replica(String id) throws Exception {
    long[] now = {1_700_000_000_000L};
    return DurableReplica.open(
        ReplicaId.of(id),
        RegisterPolicy.LWW,
        KeyGroups.byParentPath(),
        HybridLogicalClock.unbounded(() -> now[0]++),
        new MemoryStorage());
  }

  private static SyncEngine engine(DurableReplica r, Protocol p) {
    return new SyncEngine(r, p, new SplittableRandom(5), line -> {});
  }

  /**
   * Delivers every message of {@code out} addressed to {@code to} (or to everyone) from {@code
   * from}.
   */
  private static List<SyncEngine.Outgoing> hand(
      List<SyncEngine.Outgoing> out, String from, String to, SyncEngine receiver) throws Exception {
    List<SyncEngine.Outgoing> replies = new ArrayList<>();
    for (SyncEngine.Outgoing o : out) {
      if (o.destination().equals(to) || o.destination().equals(RelayFrame.BROADCAST)) {
        replies.addAll(receiver.receive(from, o.message()));
      }
    }
    return replies;
  }

  @Test
  void changesArrivingOutOfOrder_waitForTheirCausalPast_thenAllApply() throws Exception {
    DurableReplica a = replica("a");
    Change first = a.transact(List.of(Op.put("k", "1")));
    Change second = a.transact(List.of(Op.put("k", "2")));
    DurableReplica b = replica("b");
    SyncEngine eb = engine(b, Protocol.DELTA);
    eb.receive("a", new SyncMessage.Changes(List.of(second)));
    assertThat(b.delivered()).isEmpty();
    assertThat(eb.waiting()).isEqualTo(1);
    eb.receive("a", new SyncMessage.Changes(List.of(first)));
    assertThat(b.delivered()).containsExactly(first, second);
    assertThat(eb.waiting()).isZero();
  }

  @Test
  void deltaSummary_isAnsweredWithTheChangesAboveIt() throws Exception {
    DurableReplica a = replica("a");
    a.transact(List.of(Op.put("x", "1")));
    a.transact(List.of(Op.put("y", "2")));
    DurableReplica b = replica("b");
    SyncEngine ea = engine(a, Protocol.DELTA);
    SyncEngine eb = engine(b, Protocol.DELTA);
    List<SyncEngine.Outgoing> answers = hand(eb.tick(), "b", "a", ea);
    hand(answers, "a", "b", eb);
    assertThat(b.materialise()).isEqualTo(a.materialise());
  }

  @Test
  void rbsrSessions_bringBothSidesToTheUnion() throws Exception {
    DurableReplica a = replica("a");
    DurableReplica b = replica("b");
    for (int i = 0; i < 50; i++) {
      a.transact(List.of(Op.put("a" + i, "v")));
      b.transact(List.of(Op.put("b" + i, "v")));
    }
    SyncEngine ea = engine(a, Protocol.RBSR);
    SyncEngine eb = engine(b, Protocol.RBSR);
    hand(eb.tick(), "b", "a", ea); // presence: a learns of b
    List<SyncEngine.Outgoing> toB = ea.tick();
    for (int round = 0; round < 10 && !toB.isEmpty(); round++) {
      List<SyncEngine.Outgoing> toA = hand(toB, "a", "b", eb);
      toB = hand(toA, "b", "a", ea);
    }
    assertThat(a.delivered()).hasSize(100);
    assertThat(b.delivered()).hasSize(100);
    assertThat(b.materialise()).isEqualTo(a.materialise());
  }
}
