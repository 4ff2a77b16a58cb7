package dev.entente.simulations.run;

import dev.entente.model.ReplicaId;
import dev.entente.model.coverage.Coverage;
import dev.entente.model.history.Keyword;
import dev.entente.simulations.coverage.SimMark;
import dev.entente.simulations.event.RunEvent;
import dev.entente.simulations.net.Envelope;
import dev.entente.simulations.plan.FaultKind;
import dev.entente.simulations.plan.PlannedFault;
import dev.entente.simulations.random.Prng;
import dev.entente.simulations.sync.SyncMessage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Faults of a replica's process, on a random up replica (the server under the sequencer):
 *
 * <ul>
 *   <li>{@code :crash} / {@code :restart}: the replica stops; its durable state is its {@link
 *       dev.entente.impl.ReplicaState}; on restart a fresh replica (fresh clock, fresh protocol
 *       state) merges it.
 *   <li>amnesia: as crash, but nothing survives; the machine restarts as a new replica {@code
 *       <name>-r<n>} and a new process, so no sequence number is ever reused under one id.
 *   <li>{@code :pause} / {@code :resume}: the replica does nothing and its arrivals queue; on
 *       resume they are handled in arrival order.
 * </ul>
 *
 * <p>In a storage-backed run a crash keeps only what the machine's disk holds (every acknowledged
 * step), the restart reloads it ({@link DiskRecovery}), and amnesia wipes the disk.
 */
final class ProcessNemesis implements Nemesis {
  private final World world;

  ProcessNemesis(World world) {
    this.world = world;
  }

  @Override
  public Set<FaultKind> kinds() {
    return EnumSet.of(FaultKind.CRASH, FaultKind.AMNESIA, FaultKind.PAUSE);
  }

  @Override
  public void start(PlannedFault fault, Prng prng) {
    FaultKind k = fault.kind();
    SimNode target = target(prng);
    if (target == null) {
      world.nemesisEvent("skip", k.optionName() + ": no up replica");
    } else if (k == FaultKind.PAUSE) {
      pause(target, Nemesis.end(fault));
    } else {
      crash(target, k == FaultKind.AMNESIA, Nemesis.end(fault));
    }
  }

  @Override
  public void healAll() {
    for (SimNode n : machinesAndServer()) {
      if (n.status == SimNode.Status.CRASHED) {
        restart(n);
      } else if (n.status == SimNode.Status.PAUSED) {
        resume(n);
      }
    }
  }

  private List<SimNode> machinesAndServer() {
    List<SimNode> all = new ArrayList<>(world.machines());
    if (world.server() != null) {
      all.add(world.server());
    }
    return all;
  }

  private @Nullable SimNode target(Prng prng) {
    if (world.sequencerMode()) {
      SimNode server = world.requireServer();
      return server.isUp() ? server : null;
    }
    List<SimNode> up = world.liveReplicas();
    return up.isEmpty() ? null : prng.pick(up);
  }

  private void pause(SimNode target, long end) {
    target.pause();
    world.nemesisEvent("pause", target.id.value());
    world.at(
        end,
        "fault-end pause",
        () -> {
          if (!world.converging() && target.status == SimNode.Status.PAUSED) {
            resume(target);
          }
        });
  }

  private void crash(SimNode target, boolean amnesia, long end) {
    boolean buffered = target.sync != null && !target.sync.held().isEmpty();
    if (buffered || !target.replica().pending().isEmpty()) {
      Coverage.mark(SimMark.NEMESIS_CRASH_WITH_PENDING);
    }
    target.crash(amnesia);
    ReplicaId crashed = target.id;
    world.record(() -> new RunEvent.Crashed(world.now(), crashed));
    world.nemesisEvent(
        "crash", Map.of(Keyword.of("node"), target.id.value(), Keyword.of("amnesia"), amnesia));
    world.at(
        end,
        "fault-end crash",
        () -> {
          if (!world.converging() && target.status == SimNode.Status.CRASHED) {
            restart(target);
          }
        });
  }

  private void restart(SimNode n) {
    ReplicaId id = n.id;
    if (n.amnesiac) {
      Coverage.mark(SimMark.NEMESIS_AMNESIA_RESTART);
      n.incarnation++;
      id = ReplicaId.of(n.baseName + "-r" + n.incarnation);
      n.process = world.newProcess();
    }
    world.startReplica(n, id, n.durable);
    n.durable = null;
    n.amnesiac = false;
    world.nemesisEvent("restart", n.id.value());
  }

  private void resume(SimNode n) {
    List<Envelope<SyncMessage>> queued = n.resume();
    world.nemesisEvent("resume", n.id.value());
    if (!queued.isEmpty()) {
      Coverage.mark(SimMark.NEMESIS_RESUME_WITH_QUEUED);
    }
    for (Envelope<SyncMessage> e : queued) {
      world.handle(n, e);
    }
  }
}
