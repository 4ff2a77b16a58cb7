package dev.entente.peers.sim;

import dev.entente.model.history.Keyword;
import dev.entente.peers.cluster.PeerCluster;
import dev.entente.peers.cluster.SyncPayload;
import dev.entente.simulations.ClockOptions;
import dev.entente.simulations.clock.SimClock;
import dev.entente.simulations.event.EventLoop;
import dev.entente.simulations.net.NetworkConfig;
import dev.entente.simulations.net.Partition;
import dev.entente.simulations.net.SimNetwork;
import dev.entente.simulations.plan.PlannedFault;
import dev.entente.simulations.random.Prng;
import dev.entente.simulations.random.Ratio;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The faults of a peer run, on the simulator's own network and clocks: the five partition shapes,
 * clogs, clock steps and strobes (ambient loss, duplication, reordering, delay, skew and drift are
 * the network's and clocks' configuration). Replica faults (crash, amnesia, pause) and joins need a
 * peer to persist or bootstrap, which version 1 of the protocol does not ask for: they are recorded
 * as skipped. Mutable; owned by one run.
 */
final class PeerNemesis {
  private final EventLoop loop;
  private final SimNetwork<SyncPayload> network;
  private final List<SimClock> clocks;
  private final ClockOptions clockOptions;
  private final PeerCluster cluster;
  private boolean converging;

  PeerNemesis(
      EventLoop loop,
      SimNetwork<SyncPayload> network,
      List<SimClock> clocks,
      ClockOptions clockOptions,
      PeerCluster cluster) {
    this.loop = loop;
    this.network = network;
    this.clocks = List.copyOf(clocks);
    this.clockOptions = clockOptions;
    this.cluster = cluster;
  }

  void start(PlannedFault fault) {
    if (converging) {
      return;
    }
    Prng prng = new Prng(fault.seed());
    long end = fault.tick() + fault.durationTicks();
    switch (fault.kind()) {
      case PARTITION_ONE, PARTITION_MAJORITY, PARTITION_RING, PARTITION_BRIDGE, PARTITION_ONE_WAY ->
          partition(fault, prng, end);
      case CLOG, SWIZZLE_CLOG -> clog(prng, end);
      case CLOCK_STEP -> step(prng);
      case CLOCK_STROBE -> strobe(prng, end);
      default -> cluster.nemesis("skip", fault.kind().optionName() + ": not a peer fault");
    }
  }

  private void partition(PlannedFault fault, Prng prng, long end) {
    List<Integer> slots = slots();
    if (slots.size() < 2) {
      cluster.nemesis("skip", fault.kind().optionName() + ": fewer than two replicas");
      return;
    }
    Partition p =
        switch (fault.kind()) {
          case PARTITION_ONE -> Partition.isolateOne(slots, prng);
          case PARTITION_MAJORITY -> Partition.majority(slots, prng);
          case PARTITION_RING -> Partition.majoritiesRing(slots, prng);
          case PARTITION_BRIDGE -> Partition.bridge(slots, prng);
          default -> Partition.oneWay(slots, prng);
        };
    network.partition(p);
    cluster.nemesis("partition", p.description());
    loop.at(
        end,
        "fault-end partition",
        () -> {
          if (!converging && network.partition() == p) {
            network.heal();
            cluster.nemesis("heal", p.description());
          }
        });
  }

  private void clog(Prng prng, long end) {
    int slot = prng.pick(slots());
    network.clog(slot);
    cluster.nemesis("clog", slot);
    loop.at(
        end,
        "fault-end clog",
        () -> {
          if (!converging) {
            network.unclog(slot);
            cluster.nemesis("unclog", slot);
          }
        });
  }

  private void step(Prng prng) {
    int slot = prng.pick(slots());
    SimClock c = clocks.get(slot);
    long max = Math.max(1, clockOptions.stepMillisMax());
    long offset = prng.between(-max, max);
    c.step(offset - c.stepMillis());
    cluster.nemesis("clock-step", Map.of(Keyword.of("node"), slot, Keyword.of("offset"), offset));
  }

  private void strobe(Prng prng, long end) {
    int slot = prng.pick(slots());
    SimClock c = clocks.get(slot);
    c.strobe(prng.between(1, Math.max(1, clockOptions.strobeMillisMax())), prng.between(1, 50));
    cluster.nemesis("clock-strobe", slot);
    loop.at(
        end,
        "fault-end strobe",
        () -> {
          if (!converging) {
            c.stopStrobe();
          }
        });
  }

  /** The end of the safety phase: heal the network, calm it, reset every clock. */
  void healAll() {
    converging = true;
    network.heal();
    network.unclogAll();
    NetworkConfig c = network.config();
    network.configure(
        new NetworkConfig(
            c.delayTicksMin(), c.delayTicksMax(), c.delay(), Ratio.ZERO, Ratio.ZERO, c.reorder()));
    clocks.forEach(SimClock::reset);
    cluster.nemesis("heal", "all");
  }

  private List<Integer> slots() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < clocks.size(); i++) {
      out.add(i);
    }
    return out;
  }
}
