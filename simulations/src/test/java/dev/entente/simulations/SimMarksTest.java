package dev.entente.simulations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.entente.impl.ApplyResult;
import dev.entente.impl.Replica;
import dev.entente.impl.clock.LamportClock;
import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.coverage.Coverage;
import dev.entente.simulations.clock.SimClock;
import dev.entente.simulations.event.EventLoop;
import dev.entente.simulations.net.DelayDistribution;
import dev.entente.simulations.net.NetworkConfig;
import dev.entente.simulations.net.Partition;
import dev.entente.simulations.net.SimNetwork;
import dev.entente.simulations.random.Prng;
import dev.entente.simulations.random.Ratio;
import dev.entente.simulations.sync.CausalBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** The simulator's marks sit on their paths: small scenarios on the network, clock and buffer. */
class SimMarksTest {
  private static final ReplicaId A = ReplicaId.of("A");
  private static final ReplicaId B = ReplicaId.of("B");

  private final EventLoop loop = new EventLoop();
  private final List<Integer> received = new ArrayList<>();

  @Test
  void calmNetwork_marksNothing() {
    SimNetwork<Integer> net = network(NetworkConfig.CALM);

    assertThat(marks(() -> sendAndRun(net, 1))).isEmpty();
  }

  @Test
  void loss_marksEachLostMessage() {
    SimNetwork<Integer> net = network(config(Ratio.ONE, Ratio.ZERO, false));

    assertThat(marks(() -> sendAndRun(net, 3))).containsExactly(entry("net-lost", 3L));
  }

  @Test
  void partition_cutsAtSend_andInFlight_andHealsWithMessagesInFlight() {
    SimNetwork<Integer> net = network(NetworkConfig.CALM);
    Partition cut = Partition.isolateOne(List.of(0, 1), new Prng(1));

    SortedMap<String, Long> marks =
        marks(
            () -> {
              net.send(A, B, 1, 1, "in flight, cut on arrival");
              net.partition(cut);
              net.send(A, B, 2, 1, "cut at send");
              runAll();
              net.heal();
              net.send(B, A, 3, 1, "in flight across the next heal");
              net.partition(cut);
              net.heal();
              runAll();
            });

    assertThat(marks)
        .containsExactly(
            entry("net-cut-at-send", 1L),
            entry("net-cut-in-flight", 1L),
            entry("net-heal-with-messages-in-flight", 1L));
    assertThat(received).containsExactly(3);
  }

  @Test
  void healWithNothingInFlight_isNotMarked() {
    SimNetwork<Integer> net = network(NetworkConfig.CALM);
    sendAndRun(net, 2);
    net.partition(Partition.isolateOne(List.of(0, 1), new Prng(1)));

    assertThat(marks(net::heal)).isEmpty();
  }

  @Test
  void clog_holdsArrivals_unclogReleasesThem() {
    SimNetwork<Integer> net = network(NetworkConfig.CALM);

    SortedMap<String, Long> marks =
        marks(
            () -> {
              net.clog(1);
              sendAndRun(net, 2);
              net.unclog(1);
              runAll();
            });

    assertThat(marks)
        .containsEntry("net-held-by-clog", 2L)
        .containsEntry("net-released-by-unclog", 1L);
    assertThat(received).containsExactly(0, 1);
  }

  @Test
  void fifoLinks_holdBackOvertakingMessages_reorderingLinksLetThemPass() {
    SimNetwork<Integer> fifo = network(config(Ratio.ZERO, Ratio.ZERO, false));
    SimNetwork<Integer> reordering = network(config(Ratio.ZERO, Ratio.ZERO, true));

    assertThat(marks(() -> sendAndRun(fifo, 50))).containsOnlyKeys("net-fifo-holds-back");
    assertThat(marks(() -> sendAndRun(reordering, 50))).containsOnlyKeys("net-reordered");
  }

  @Test
  void duplication_marksEveryCopy_andSomeOvertakeTheirOriginal() {
    SimNetwork<Integer> net = network(config(Ratio.ZERO, Ratio.ONE, true));

    SortedMap<String, Long> marks = marks(() -> sendAndRun(net, 50));

    assertThat(marks).containsEntry("net-duplicated", 50L).containsKey("net-duplicate-overtakes");
  }

  @Test
  void clock_stepBack_andResetOfAStep_areMarked_stepForwardIsNot() {
    SimClock clock = new SimClock(loop::now, 0, 0);

    assertThat(marks(() -> clock.step(500))).isEmpty();
    assertThat(marks(() -> clock.step(-800))).containsExactly(entry("clock-stepped-backwards", 1L));
    assertThat(marks(clock::reset)).containsExactly(entry("clock-reset-undoes-step", 1L));
    assertThat(marks(clock::reset)).isEmpty();
  }

  @Test
  void causalBuffer_changeWaitingForItsPredecessor_isReleasedByALaterDrain() {
    Replica author = lww("A");
    Replica receiver = lww("B");
    Change first = author.put(Key.of("k"), Value.of("1"));
    Change second = author.put(Key.of("k"), Value.of("2"));
    CausalBuffer buffer = new CausalBuffer();
    List<ApplyResult> results = new ArrayList<>();

    SortedMap<String, Long> waiting =
        marks(
            () -> {
              buffer.offer(second, receiver.versionVector());
              buffer.drain(receiver, results::add);
            });
    SortedMap<String, Long> released =
        marks(
            () -> {
              buffer.offer(first, receiver.versionVector());
              buffer.drain(receiver, results::add);
            });

    assertThat(waiting).containsEntry("sync-buffer-waits", 1L);
    assertThat(released)
        .containsEntry("sync-buffered-change-released", 1L)
        .doesNotContainKey("sync-buffer-waits");
    assertThat(buffer.held()).isEmpty();
  }

  private static SortedMap<String, Long> marks(Runnable action) {
    try (Coverage.Recorder r = Coverage.record()) {
      action.run();
      return r.counts();
    }
  }

  private static Replica lww(String id) {
    return Replica.create(
        ReplicaId.of(id), RegisterPolicy.LWW, KeyGroups.byParentPath(), new LamportClock());
  }

  private static NetworkConfig config(Ratio loss, Ratio duplicate, boolean reorder) {
    return new NetworkConfig(1, 20, DelayDistribution.UNIFORM, loss, duplicate, reorder);
  }

  private SimNetwork<Integer> network(NetworkConfig config) {
    return new SimNetwork<>(
        loop,
        new Prng(99),
        config,
        id -> id.value().charAt(0) - 'A',
        e -> received.add(e.message()),
        line -> {});
  }

  private void sendAndRun(SimNetwork<Integer> net, int n) {
    for (int i = 0; i < n; i++) {
      net.send(A, B, i, 1, "m" + i);
    }
    runAll();
  }

  private void runAll() {
    while (loop.step(Long.MAX_VALUE)) {
      // drain
    }
  }
}
