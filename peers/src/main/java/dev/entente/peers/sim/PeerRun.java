package dev.entente.peers.sim;

import dev.entente.model.ReplicaId;
import dev.entente.model.check.ReplicaObservation;
import dev.entente.peers.cluster.PeerCluster;
import dev.entente.peers.cluster.PeerNode;
import dev.entente.peers.cluster.SyncPayload;
import dev.entente.peers.launch.PeerSpec;
import dev.entente.peers.protocol.PeerInfo;
import dev.entente.simulations.SimulationOptions;
import dev.entente.simulations.clock.SimClock;
import dev.entente.simulations.event.EventLoop;
import dev.entente.simulations.event.TraceLog;
import dev.entente.simulations.net.Envelope;
import dev.entente.simulations.net.SimNetwork;
import dev.entente.simulations.plan.PlannedFault;
import dev.entente.simulations.plan.PlannedOp;
import dev.entente.simulations.plan.Schedule;
import dev.entente.simulations.random.Prng;
import dev.entente.simulations.random.RunRandom;
import dev.entente.simulations.run.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One simulated run over replicas behind the replica protocol. The simulator owns everything but
 * the replicas: virtual time (each replica's physical clock is a {@link SimClock} with the seed's
 * skew and drift, passed in every request), the seed's schedule of client ops and faults, and the
 * network: a sync message is opaque bytes that {@link SimNetwork} delays, drops, duplicates,
 * reorders, partitions and clogs like any other. Every sync interval each replica sends its
 * sync-out to one peer drawn from the seed. After the safety phase everything heals and the run
 * goes on until every replica has the same knowledge and map, or the convergence budget is spent.
 * Deterministic when the peer is: the trace covers every request and reply line.
 */
public final class PeerRun {
  private final SimulationOptions options;
  private final PeerSpec peer;
  private final TraceLog trace;
  private final EventLoop loop;
  private final RunRandom random;
  private final PeerCluster cluster;
  private final List<SimClock> clocks = new ArrayList<>();
  private final SimNetwork<SyncPayload> network;
  private final PeerNemesis nemesis;
  private List<ReplicaObservation> safety = List.of();
  private boolean converging;
  private boolean quiescent;

  private PeerRun(SimulationOptions options, PeerSpec peer, boolean keepTrace) {
    this.options = options;
    this.peer = peer;
    this.trace = new TraceLog(keepTrace);
    this.loop = new EventLoop(e -> trace.add(e.tick() + " " + e.sequence() + " " + e.label()));
    this.random = new RunRandom(options.seed());
    this.cluster = new PeerCluster(trace, loop::now);
    for (int i = 0; i < options.replicas(); i++) {
      Prng p = random.clocks();
      long skew = p.between(-options.clock().skewMillisMax(), options.clock().skewMillisMax());
      long drift = p.between(-options.clock().driftPpmMax(), options.clock().driftPpmMax());
      clocks.add(new SimClock(loop::now, skew, drift));
    }
    this.network =
        new SimNetwork<>(
            loop, random.network(), options.network(), this::slotOf, this::receive, trace::add);
    this.nemesis = new PeerNemesis(loop, network, clocks, options.clock(), cluster);
  }

  /** Runs the seed's schedule of {@code options} over replicas of {@code peer}. */
  public static PeerRunOutcome run(SimulationOptions options, PeerSpec peer, boolean keepTrace) {
    PeerRun run = new PeerRun(options, peer, keepTrace);
    try {
      return run.execute(Simulation.plan(options));
    } finally {
      run.cluster.close();
    }
  }

  private PeerRunOutcome execute(Schedule schedule) {
    trace.add("options " + options.describe());
    List<String> ids = new ArrayList<>();
    List<LongSupplier> physical = new ArrayList<>();
    for (int i = 0; i < options.replicas(); i++) {
      ids.add(String.valueOf((char) ('A' + i)));
      physical.add(clocks.get(i)::millis);
    }
    if (cluster.start(peer.launcher(), ids, physical)) {
      setUp(schedule);
      while (!cluster.broken() && !converging && loop.step(Long.MAX_VALUE)) {
        // Safety phase: the schedule's ops and faults, with periodic sync.
      }
      long deadline = schedule.safetyEndTick() + options.timing().convergenceBudgetTicks();
      while (!cluster.broken() && !quiescent && loop.step(deadline)) {
        // Convergence phase: healed, sync only, probed every interval.
      }
    }
    return outcome();
  }

  private void setUp(Schedule schedule) {
    for (PlannedOp op : schedule.ops()) {
      loop.at(op.tick(), "op " + op, () -> invoke(op));
    }
    for (PlannedFault f : schedule.faults()) {
      loop.at(f.tick(), "fault " + f, () -> nemesis.start(f));
    }
    for (PeerNode n : cluster.nodes()) {
      long first = random.sync().between(1, options.timing().syncIntervalTicks());
      scheduleSync(n, random.sync().fork(), loop.now() + first);
    }
    loop.at(schedule.safetyEndTick(), "heal-all", this::healAll);
  }

  private void invoke(PlannedOp op) {
    List<PeerNode> nodes = cluster.nodes();
    if (op.slot() >= nodes.size()) {
      trace.add("skip op: no slot " + op.slot());
      return;
    }
    cluster.invoke(nodes.get(op.slot()), op.op());
  }

  private void scheduleSync(PeerNode node, Prng prng, long tick) {
    loop.at(
        tick,
        "sync-tick " + node.id(),
        () -> {
          List<ReplicaId> others = others(node);
          if (options.timing().antiEntropy() && !others.isEmpty()) {
            ReplicaId to = prng.pick(others);
            SyncPayload payload = cluster.syncOut(node, to);
            if (payload != null) {
              network.send(node.id(), to, payload, payload.size(), "sync " + node.id() + ">" + to);
            }
          }
          scheduleSync(node, prng, tick + options.timing().syncIntervalTicks());
        });
  }

  private void healAll() {
    safety = cluster.observe();
    nemesis.healAll();
    converging = true;
    scheduleProbe(loop.now() + options.timing().syncIntervalTicks());
  }

  private void scheduleProbe(long tick) {
    loop.at(
        tick,
        "probe",
        () -> {
          if (network.heldCount() == 0 && cluster.quiescent()) {
            quiescent = true;
            trace.add("quiescent at " + loop.now());
          } else {
            scheduleProbe(tick + options.timing().syncIntervalTicks());
          }
        });
  }

  private void receive(Envelope<SyncPayload> e) {
    PeerNode to = cluster.nodes().get(slotOf(e.to()));
    cluster.syncIn(to, e.from(), e.message());
  }

  private int slotOf(ReplicaId id) {
    for (PeerNode n : cluster.nodes()) {
      if (n.id().equals(id)) {
        return n.slot();
      }
    }
    return -1;
  }

  private List<ReplicaId> others(PeerNode self) {
    List<ReplicaId> out = new ArrayList<>();
    for (PeerNode n : cluster.nodes()) {
      if (n != self) {
        out.add(n.id());
      }
    }
    return out;
  }

  private PeerRunOutcome outcome() {
    List<ReplicaObservation> finals = cluster.broken() ? List.of() : cluster.observe();
    PeerInfo info = cluster.info();
    return new PeerRunOutcome(
        options,
        peer.name(),
        info == null ? "unknown" : info.describe(),
        options.replayCommand() + " " + peer.asArgument(),
        cluster.history(),
        safety,
        finals,
        quiescent,
        cluster.finding(),
        cluster.counts(),
        trace.hash(),
        trace.lines());
  }
}
