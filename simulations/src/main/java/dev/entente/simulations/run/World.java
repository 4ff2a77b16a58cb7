package dev.entente.simulations.run;

import dev.entente.impl.ReplicaState;
import dev.entente.model.ReplicaId;
import dev.entente.simulations.event.RunEvent;
import dev.entente.simulations.net.Envelope;
import dev.entente.simulations.net.SimNetwork;
import dev.entente.simulations.schema.Rollout;
import dev.entente.simulations.sync.Outgoing;
import dev.entente.simulations.sync.SyncMessage;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What the parts a {@link Simulation} composes (its {@link Client} and {@link Nemesis}) may see and
 * do: virtual time, the machines and the network, the history, and the few cluster operations a
 * fault or a client needs. Everything else about the run is the simulation's own.
 */
interface World {
  /** The current virtual tick. */
  long now();

  /** Schedules {@code action} at {@code tick} (not in the past). */
  void at(long tick, String label, Runnable action);

  /** Schedules {@code action} {@code delayTicks} from now. */
  void after(long delayTicks, String label, Runnable action);

  /** True once the safety phase has ended: faults no longer start or end on their own. */
  boolean converging();

  /** Appends a line to the run's hashed trace. */
  void trace(String line);

  /** The run's Jepsen history. */
  HistoryRecorder history();

  /** Records a nemesis event ({@code :info}, process {@code :nemesis}) at the current tick. */
  void nemesisEvent(String f, Object value);

  /** Records a typed run event, if the run keeps them. */
  void record(Supplier<RunEvent> event);

  /** The simulated network. */
  SimNetwork<SyncMessage> network();

  /** True if the run is the single-server sequencer baseline. */
  boolean sequencerMode();

  /** The machines, by slot (crashed and paused ones included). */
  List<SimNode> machines();

  /** The server under the sequencer, or null. */
  @Nullable SimNode server();

  /**
   * The server; only under the sequencer.
   *
   * @throws IllegalStateException if the run is not under the sequencer
   */
  default SimNode requireServer() {
    SimNode s = server();
    if (s == null) {
      throw new IllegalStateException("not under the sequencer: the run has no server");
    }
    return s;
  }

  /** The up nodes that hold a replica, by slot (the server last). */
  List<SimNode> liveReplicas();

  /** Every endpoint's slot: the machines, and the server under the sequencer. */
  List<Integer> endpointSlots();

  /** The machine (or the server) in {@code slot}. */
  SimNode nodeAt(int slot);

  /** The current ids of the other machines' replicas, by slot (crashed ones included). */
  List<ReplicaId> peers(SimNode self);

  /** Marks {@code node}'s replica for {@code checkRep()} after the current step. */
  void touch(SimNode node);

  /** Sends {@code outgoing} from {@code from} over the network. */
  void send(SimNode from, List<Outgoing> outgoing);

  /** Hands a message to an up node. */
  void handle(SimNode node, Envelope<SyncMessage> e);

  /** Adds a machine in the next slot, with a fresh replica (or as a client under the sequencer). */
  SimNode addNode();

  /**
   * Starts a replica incarnation {@code id} on {@code node}, restoring {@code durable} if given.
   */
  void startReplica(SimNode node, ReplicaId id, @Nullable ReplicaState durable);

  /** Bootstraps a late joiner from {@code peer}'s state, outside the network. */
  void bootstrap(SimNode joiner, SimNode peer);

  /**
   * Commits what {@code node}'s replica did since its last commit to its disk (storage-backed runs;
   * otherwise nothing to do). Returns false if the commit failed: then nothing of the step is
   * acknowledged and the machine has gone down.
   */
  boolean persist(SimNode node);

  /** A fresh Jepsen process number. */
  long newProcess();

  /** Notes how far a local write's timestamp led its replica's physical clock. */
  void noteTimestampLead(long leadMillis);

  /** The run's schema rollout, or null if the run has no schema (issue 12). */
  @Nullable Rollout rollout();
}
