package dev.entente.simulations.run;

import dev.entente.impl.Replica;
import dev.entente.impl.ReplicaState;
import dev.entente.impl.clock.TimestampClock;
import dev.entente.impl.snapshot.Snapshot;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.ReplicaId;
import dev.entente.simulations.clock.SimClock;
import dev.entente.simulations.net.Envelope;
import dev.entente.simulations.sync.AntiEntropy;
import dev.entente.simulations.sync.Sequencer;
import dev.entente.simulations.sync.SyncMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

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
  // Null while the machine is down (and before its first start); sync is null under the
  // sequencer, sequencer is null except on the server, durable is null except between a crash
  // without amnesia and the restart that merges it.
  @Nullable Replica replica;
  @Nullable TimestampClock clock;
  @Nullable AntiEntropy sync;
  @Nullable Sequencer sequencer;
  @Nullable ReplicaState durable;
  boolean amnesiac;
  boolean touched;
  // Storage-backed runs only: the machine's simulated disk, and whether a failed commit took the
  // machine down (the storage nemesis restarts it when the fault ends).
  @Nullable NodeDisk disk;
  boolean storageDown;
  MaterialisedMap lastView = MaterialisedMap.EMPTY;
  // Compaction runs only: what the machine writes of its replica when it crashes (its snapshot),
  // and the snapshot a restart restores (null between the restart and the next crash).
  @Nullable Function<Replica, Snapshot> snapshotter;
  @Nullable Snapshot durableSnapshot;

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

  /** The running replica incarnation (up or paused). */
  Replica replica() {
    return present(replica, "replica");
  }

  /** The running replica's timestamp clock. */
  TimestampClock clock() {
    return present(clock, "timestamp clock");
  }

  /** The anti-entropy protocol (not under the sequencer). */
  AntiEntropy sync() {
    return present(sync, "anti-entropy protocol");
  }

  /** The sequencer (the server under the sequencer only). */
  Sequencer sequencer() {
    return present(sequencer, "sequencer");
  }

  /** {@code part}, which a caller needs; its absence is a bug in the run, named here. */
  private <T> T present(@Nullable T part, String what) {
    if (part == null) {
      throw new IllegalStateException(this + " has no " + what);
    }
    return part;
  }

  /**
   * Crashes the machine: its replica, protocol and queued arrivals are gone; the replica's state
   * survives as the durable state a restart merges (in compaction runs, its snapshot), unless
   * {@code amnesia}. With a disk, what survives is what the disk holds, and amnesia wipes the disk.
   */
  void crash(boolean amnesia) {
    // The replica's last steps may have had only the per-step check: it gets the whole one now.
    Replica running = replica;
    if (running != null) {
      running.checkRep();
    }
    Function<Replica, Snapshot> writes = snapshotter;
    if (writes != null) {
      // A compacted replica's durable state is its snapshot: its log holds only the tail.
      Snapshot s = writes.apply(replica());
      durableSnapshot = amnesia || disk != null ? null : s;
    }
    durable = amnesia || disk != null || writes != null ? null : replica().state();
    if (amnesia && disk != null) {
      disk.wipe();
    }
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
