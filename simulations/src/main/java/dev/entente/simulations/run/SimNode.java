package dev.entente.simulations.run;

import dev.entente.impl.Replica;
import dev.entente.impl.ReplicaState;
import dev.entente.impl.clock.TimestampClock;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.ReplicaId;
import dev.entente.simulations.clock.SimClock;
import dev.entente.simulations.net.Envelope;
import dev.entente.simulations.sync.AntiEntropy;
import dev.entente.simulations.sync.Sequencer;
import dev.entente.simulations.sync.SyncMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * One machine of the simulated cluster: a slot with a physical clock, running one incarnation of a
 * replica at a time (or, under the sequencer, a client or the server). Mutable; owned by the run.
 */
final class SimNode {
  enum Status {
    UP,
    CRASHED,
    PAUSED
  }

  final int slot;
  final String baseName;
  final SimClock physical;
  final List<Envelope<SyncMessage>> inbox = new ArrayList<>();
  ReplicaId id;
  int incarnation = 1;
  long process;
  Status status = Status.UP;
  Replica replica;
  TimestampClock clock;
  AntiEntropy sync;
  Sequencer sequencer;
  ReplicaState durable;
  boolean amnesiac;
  boolean touched;
  MaterialisedMap lastView = MaterialisedMap.EMPTY;

  SimNode(int slot, String baseName, SimClock physical, long process) {
    this.slot = slot;
    this.baseName = baseName;
    this.physical = physical;
    this.id = ReplicaId.of(baseName);
    this.process = process;
  }

  boolean isUp() {
    return status == Status.UP;
  }

  /**
   * Crashes the machine: its replica, protocol and queued arrivals are gone; the replica's state
   * survives as the durable state a restart merges, unless {@code amnesia}.
   */
  void crash(boolean amnesia) {
    durable = amnesia ? null : replica.state();
    amnesiac = amnesia;
    replica = null;
    sync = null;
    sequencer = null;
    inbox.clear();
    status = Status.CRASHED;
  }

  /** Pauses the machine: it does nothing, and its arrivals queue in {@link #inbox}. */
  void pause() {
    status = Status.PAUSED;
  }

  /** Resumes a paused machine; returns the arrivals it queued, in arrival order. */
  List<Envelope<SyncMessage>> resume() {
    status = Status.UP;
    List<Envelope<SyncMessage>> queued = new ArrayList<>(inbox);
    inbox.clear();
    return queued;
  }

  @Override
  public String toString() {
    return id + "(" + status + ")";
  }
}
