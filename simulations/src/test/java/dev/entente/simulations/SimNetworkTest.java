package dev.entente.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.model.ReplicaId;
import dev.entente.simulations.event.EventLoop;
import dev.entente.simulations.net.DelayDistribution;
import dev.entente.simulations.net.Envelope;
import dev.entente.simulations.net.NetworkConfig;
import dev.entente.simulations.net.Partition;
import dev.entente.simulations.net.SimNetwork;
import dev.entente.simulations.random.Prng;
import dev.entente.simulations.random.Ratio;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimNetworkTest {
  private static final ReplicaId A = ReplicaId.of("A");
  private static final ReplicaId B = ReplicaId.of("B");
  private static final ReplicaId C = ReplicaId.of("C");

  private final EventLoop loop = new EventLoop();
  private final List<Envelope<Integer>> received = new ArrayList<>();

  private SimNetwork<Integer> network(NetworkConfig config) {
    return new SimNetwork<>(
        loop, new Prng(99), config, id -> id.value().charAt(0) - 'A', received::add, line -> {});
  }

  private void runAll() {
    while (loop.step(Long.MAX_VALUE)) {
      // drain
    }
  }

  private void sendMany(SimNetwork<Integer> net, int n) {
    for (int i = 0; i < n; i++) {
      net.send(A, B, i, 10, "m" + i);
    }
    runAll();
  }

  @Test
  void calm_deliversEverythingOnceInFifoOrder() {
    SimNetwork<Integer> net = network(NetworkConfig.CALM);
    sendMany(net, 1000);
    assertThat(received).hasSize(1000);
    for (int i = 0; i < 1000; i++) {
      assertThat(received.get(i).message()).isEqualTo(i);
    }
    assertThat(net.stats().bytesSent()).isEqualTo(10_000);
  }

  @Test
  void loss_dropsAboutTheConfiguredRatio() {
    SimNetwork<Integer> net =
        network(
            new NetworkConfig(
                1, 10, DelayDistribution.UNIFORM, Ratio.of(1, 10), Ratio.ZERO, false));
    sendMany(net, 20_000);
    assertThat(net.stats().lost()).isBetween(1_800L, 2_200L);
    assertThat(received).hasSize(20_000 - (int) net.stats().lost());
  }

  @Test
  void duplicate_copiesAboutTheConfiguredRatio() {
    SimNetwork<Integer> net =
        network(
            new NetworkConfig(1, 10, DelayDistribution.UNIFORM, Ratio.ZERO, Ratio.of(1, 5), false));
    sendMany(net, 20_000);
    assertThat(net.stats().duplicated()).isBetween(3_700L, 4_300L);
    assertThat(received).hasSize(20_000 + (int) net.stats().duplicated());
  }

  @Test
  void reorder_onlyWhenEnabled() {
    SimNetwork<Integer> fifo =
        network(
            new NetworkConfig(1, 50, DelayDistribution.EXPONENTIAL, Ratio.ZERO, Ratio.ZERO, false));
    sendMany(fifo, 2_000);
    assertThat(inversions()).isZero();
    received.clear();
    SimNetwork<Integer> reordering =
        network(new NetworkConfig(1, 50, DelayDistribution.UNIFORM, Ratio.ZERO, Ratio.ZERO, true));
    sendMany(reordering, 2_000);
    assertThat(inversions()).isGreaterThan(500);
  }

  @Test
  void exponentialDelay_mostlyShortWithinBounds() {
    Prng p = new Prng(1);
    int small = 0;
    for (int i = 0; i < 10_000; i++) {
      long d = DelayDistribution.EXPONENTIAL.draw(p, 1, 41);
      assertThat(d).isBetween(1L, 41L);
      small += d <= 11 ? 1 : 0;
    }
    assertThat(small).isGreaterThan(5_500);
  }

  @Test
  void partition_blocksBothWays_healRestores() {
    SimNetwork<Integer> net = network(NetworkConfig.CALM);
    net.partition(Partition.isolateOne(List.of(0, 1), new Prng(1)));
    net.send(A, B, 1, 1, "a");
    net.send(B, A, 2, 1, "b");
    runAll();
    assertThat(received).isEmpty();
    assertThat(net.stats().cut()).isEqualTo(2);
    net.heal();
    net.send(A, B, 3, 1, "c");
    runAll();
    assertThat(received).extracting(Envelope::message).containsExactly(3);
  }

  @Test
  void partitionStartingMidFlight_dropsAtArrival() {
    SimNetwork<Integer> net = network(NetworkConfig.CALM);
    net.send(A, B, 1, 1, "a");
    net.partition(Partition.isolateOne(List.of(0, 1), new Prng(5)));
    runAll();
    assertThat(received).isEmpty();
  }

  @Test
  void oneWay_blocksOnlyOneDirection() {
    Partition p = Partition.oneWay(List.of(0, 1, 2), new Prng(4));
    int mute = p.blocked().first().from();
    for (int other = 0; other < 3; other++) {
      if (other != mute) {
        assertThat(p.blocks(mute, other)).isTrue();
        assertThat(p.blocks(other, mute)).isFalse();
      }
    }
  }

  @Test
  void majoritiesRing_everyoneSeesAMajority_noFullConnectivity() {
    List<Integer> five = List.of(0, 1, 2, 3, 4);
    Partition p = Partition.majoritiesRing(five, new Prng(2));
    assertThat(p.blocked()).isNotEmpty();
    for (int x : five) {
      long sees = five.stream().filter(y -> y == x || !p.blocks(x, y)).count();
      assertThat(sees).isEqualTo(3);
    }
  }

  @Test
  void bridge_halvesTalkOnlyThroughTheBridge() {
    Partition p = Partition.bridge(List.of(0, 1, 2, 3, 4), new Prng(3));
    int[] degree = new int[5];
    for (int x = 0; x < 5; x++) {
      for (int y = 0; y < 5; y++) {
        if (x != y && !p.blocks(x, y)) {
          degree[x]++;
        }
      }
    }
    assertThat(degree).contains(4);
    assertThat(p.blocked()).hasSize(8);
  }

  @Test
  void clog_holdsUntilUnclogged() {
    SimNetwork<Integer> net = network(NetworkConfig.CALM);
    net.clog(1);
    net.send(A, B, 1, 1, "a");
    net.send(A, C, 2, 1, "b");
    runAll();
    assertThat(received).extracting(Envelope::message).containsExactly(2);
    assertThat(net.heldCount()).isEqualTo(1);
    net.unclog(1);
    runAll();
    assertThat(received).extracting(Envelope::message).containsExactly(2, 1);
  }

  /** Messages that arrived at another position than the one they were sent at. */
  private int inversions() {
    int n = 0;
    for (int i = 0; i < received.size(); i++) {
      if (received.get(i).message() != i) {
        n++;
      }
    }
    return n;
  }
}
