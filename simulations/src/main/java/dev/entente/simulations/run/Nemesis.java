package dev.entente.simulations.run;

import dev.entente.model.ReplicaId;
import dev.entente.model.history.Keyword;
import dev.entente.simulations.net.Partition;
import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.plan.PlannedFault;
import dev.entente.simulations.random.Prng;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Executes planned faults and records each as a nemesis event ({@code :info}, process {@code
 * :nemesis}) in the history. Each fault's targets and sizes come from a generator seeded by the
 * fault itself. A fault whose target does not exist when it starts (no up replica, fewer than two
 * endpoints) is skipped and recorded as {@code :skip}. What each fault does:
 *
 * <ul>
 *   <li>partitions ({@code :partition} / {@code :heal}): see {@link Partition}; a new partition
 *       replaces the current one, and a partition's end heals only if it is still the current one.
 *   <li>{@code :clog} / {@code :unclog}: arrivals at or from one endpoint are held, then released.
 *   <li>swizzle-clog: endpoints are clogged one by one in random order over the first half of the
 *       fault, then unclogged in reverse order (FoundationDB's swizzle).
 *   <li>{@code :crash} / {@code :restart}: the replica stops; its durable state is its {@link
 *       dev.entente.impl.ReplicaState}; on restart a fresh replica (fresh clock, fresh protocol
 *       state) merges it.
 *   <li>amnesia: as crash, but nothing survives; the machine restarts as a new replica {@code
 *       <name>-r<n>} and a new process, so no sequence number is ever reused under one id.
 *   <li>{@code :pause} / {@code :resume}: the replica does nothing and its arrivals queue; on
 *       resume they are handled in arrival order.
 *   <li>{@code :clock-step}: the machine's physical clock jumps to a new offset in {@code
 *       [-stepMax, stepMax]} ms; it stays until the final heal resets clocks.
 *   <li>{@code :clock-strobe} / {@code :clock-strobe-stop}: the clock flips between +amplitude and
 *       its true offset every period.
 *   <li>{@code :join}: a new machine joins and bootstraps from a random up replica's state.
 * </ul>
 */
final class Nemesis {
  private final Simulation sim;

  Nemesis(Simulation sim) {
    this.sim = sim;
  }

  void start(PlannedFault f) {
    if (sim.converging) {
      return;
    }
    Prng prng = new Prng(f.seed());
    long end = f.tick() + f.durationTicks();
    FaultKind k = f.kind();
    if (k.isPartition()) {
      partition(k, prng, end);
      return;
    }
    switch (k) {
      case CLOG -> clog(prng, end);
      case SWIZZLE_CLOG -> swizzle(prng, f.durationTicks());
      case CRASH, AMNESIA, PAUSE -> replicaFault(k, prng, end);
      case CLOCK_STEP -> clockStep(prng);
      case CLOCK_STROBE -> strobe(prng, end);
      case JOIN -> join(prng);
      default -> event("skip", k.optionName() + " is not a scheduled fault");
    }
  }

  /** Ends every fault: the start of the convergence phase. */
  void healAll() {
    sim.network.heal();
    sim.network.unclogAll();
    List<SimNode> all = new ArrayList<>(sim.slots);
    if (sim.server != null) {
      all.add(sim.server);
    }
    for (SimNode n : all) {
      if (n.status == SimNode.Status.CRASHED) {
        restart(n);
      } else if (n.status == SimNode.Status.PAUSED) {
        resume(n);
      }
      n.physical.reset();
    }
    event("heal", "all");
  }

  private void partition(FaultKind k, Prng prng, long end) {
    List<Integer> endpoints = sim.endpointSlots();
    if (endpoints.size() < 2) {
      event("skip", k.optionName() + ": fewer than two endpoints");
      return;
    }
    Partition p =
        switch (k) {
          case PARTITION_ONE -> Partition.isolateOne(endpoints, prng);
          case PARTITION_MAJORITY -> Partition.majority(endpoints, prng);
          case PARTITION_RING -> Partition.majoritiesRing(endpoints, prng);
          case PARTITION_BRIDGE -> Partition.bridge(endpoints, prng);
          default -> Partition.oneWay(endpoints, prng);
        };
    sim.network.partition(p);
    event("partition", p.description());
    sim.loop.at(
        end,
        "fault-end partition",
        () -> {
          if (!sim.converging && sim.network.partition() == p) {
            sim.network.heal();
            event("heal", p.description());
          }
        });
  }

  private void clog(Prng prng, long end) {
    int slot = prng.pick(sim.endpointSlots());
    clogNow(slot);
    sim.loop.at(end, "fault-end clog", () -> unclogNow(slot));
  }

  private void swizzle(Prng prng, long duration) {
    List<Integer> order = new ArrayList<>(sim.endpointSlots());
    for (int i = order.size() - 1; i > 0; i--) {
      int j = prng.nextInt(i + 1);
      Integer t = order.get(i);
      order.set(i, order.get(j));
      order.set(j, t);
    }
    int n = order.size();
    long step = Math.max(1, duration / (2L * n));
    for (int i = 0; i < n; i++) {
      int clogSlot = order.get(i);
      int unclogSlot = order.get(n - 1 - i);
      sim.loop.after(i * step, "swizzle clog " + clogSlot, () -> clogNow(clogSlot));
      sim.loop.after((n + i) * step, "swizzle unclog " + unclogSlot, () -> unclogNow(unclogSlot));
    }
  }

  private void clogNow(int slot) {
    if (!sim.converging) {
      sim.network.clog(slot);
      event("clog", name(slot));
    }
  }

  private void unclogNow(int slot) {
    if (!sim.converging && sim.network.cloggedSlots().contains(slot)) {
      sim.network.unclog(slot);
      event("unclog", name(slot));
    }
  }

  private void replicaFault(FaultKind k, Prng prng, long end) {
    SimNode target = replicaTarget(prng);
    if (target == null) {
      event("skip", k.optionName() + ": no up replica");
      return;
    }
    if (k == FaultKind.PAUSE) {
      target.status = SimNode.Status.PAUSED;
      event("pause", target.id.value());
      sim.loop.at(
          end,
          "fault-end pause",
          () -> {
            if (!sim.converging && target.status == SimNode.Status.PAUSED) {
              resume(target);
            }
          });
      return;
    }
    boolean amnesia = k == FaultKind.AMNESIA;
    target.durable = amnesia ? null : target.replica.state();
    target.amnesiac = amnesia;
    target.replica = null;
    target.sync = null;
    target.sequencer = null;
    target.inbox.clear();
    target.status = SimNode.Status.CRASHED;
    event("crash", Map.of(Keyword.of("node"), target.id.value(), Keyword.of("amnesia"), amnesia));
    sim.loop.at(
        end,
        "fault-end crash",
        () -> {
          if (!sim.converging && target.status == SimNode.Status.CRASHED) {
            restart(target);
          }
        });
  }

  private SimNode replicaTarget(Prng prng) {
    if (sim.sequencerMode) {
      return sim.server.isUp() ? sim.server : null;
    }
    List<SimNode> up = sim.liveReplicas();
    return up.isEmpty() ? null : prng.pick(up);
  }

  private void restart(SimNode n) {
    ReplicaId id = n.id;
    if (n.amnesiac) {
      n.incarnation++;
      id = ReplicaId.of(n.baseName + "-r" + n.incarnation);
      n.process = sim.nextProcess++;
    }
    sim.startReplica(n, id, n.durable);
    if (n == sim.server) {
      n.sequencer = sim.mutant.newSequencer(n.replica);
    }
    n.durable = null;
    n.amnesiac = false;
    event("restart", n.id.value());
  }

  private void resume(SimNode n) {
    n.status = SimNode.Status.UP;
    event("resume", n.id.value());
    List<dev.entente.simulations.net.Envelope<dev.entente.simulations.sync.SyncMessage>> queued =
        new ArrayList<>(n.inbox);
    n.inbox.clear();
    for (var e : queued) {
      sim.handle(n, e);
    }
  }

  private void clockStep(Prng prng) {
    SimNode n = clockTarget(prng);
    long max = Math.max(1, sim.options.clock().stepMillisMax());
    long offset = prng.between(-max, max);
    n.physical.step(offset - n.physical.stepMillis());
    event("clock-step", Map.of(Keyword.of("node"), n.baseName, Keyword.of("offset"), offset));
  }

  private void strobe(Prng prng, long end) {
    SimNode n = clockTarget(prng);
    long amplitude = prng.between(1, Math.max(1, sim.options.clock().strobeMillisMax()));
    long period = prng.between(1, 50);
    n.physical.strobe(amplitude, period);
    event(
        "clock-strobe",
        Map.of(
            Keyword.of("node"), n.baseName,
            Keyword.of("amplitude"), amplitude,
            Keyword.of("period"), period));
    sim.loop.at(
        end,
        "fault-end strobe",
        () -> {
          if (!sim.converging) {
            n.physical.stopStrobe();
            event("clock-strobe-stop", n.baseName);
          }
        });
  }

  private SimNode clockTarget(Prng prng) {
    return sim.sequencerMode ? sim.server : prng.pick(sim.slots);
  }

  private void join(Prng prng) {
    List<SimNode> up = sim.liveReplicas();
    SimNode joiner = sim.addNode();
    if (sim.sequencerMode) {
      event("join", joiner.id.value());
      return;
    }
    if (up.isEmpty()) {
      event("join", joiner.id.value() + " empty");
      return;
    }
    SimNode peer = prng.pick(up);
    sim.bootstrap(joiner, peer);
    event("join", joiner.id.value() + " from " + peer.id.value());
  }

  private String name(int slot) {
    return sim.nodeAt(slot).baseName;
  }

  private void event(String f, Object value) {
    sim.history.nemesis(f, value, sim.loop.now());
  }
}
