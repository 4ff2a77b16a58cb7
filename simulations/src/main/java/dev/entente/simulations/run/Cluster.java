package dev.entente.simulations.run;

import dev.entente.impl.ApplyResult;
import dev.entente.impl.Replica;
import dev.entente.impl.ReplicaState;
import dev.entente.impl.clock.TimestampClock;
import dev.entente.impl.codec.ReplicaStateCodec;
import dev.entente.impl.snapshot.Snapshot;
import dev.entente.impl.storage.StorageException;
import dev.entente.model.Change;
import dev.entente.model.KeyGroups;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.coverage.Coverage;
import dev.entente.model.history.Keyword;
import dev.entente.simulations.RunStats;
import dev.entente.simulations.SimulationOptions;
import dev.entente.simulations.clock.SimClock;
import dev.entente.simulations.cluster.ClusterFactory;
import dev.entente.simulations.coverage.CompactionSimMark;
import dev.entente.simulations.coverage.SimMark;
import dev.entente.simulations.event.EventLoop;
import dev.entente.simulations.event.RunEvent;
import dev.entente.simulations.event.RunEvents;
import dev.entente.simulations.event.TraceLog;
import dev.entente.simulations.net.Envelope;
import dev.entente.simulations.net.SimNetwork;
import dev.entente.simulations.random.Prng;
import dev.entente.simulations.random.RunRandom;
import dev.entente.simulations.schema.Rollout;
import dev.entente.simulations.sync.MessageSize;
import dev.entente.simulations.sync.Outgoing;
import dev.entente.simulations.sync.SyncKind;
import dev.entente.simulations.sync.SyncMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The simulated cluster of one run: the machines and their replicas (assembled by the mutant's
 * {@link ClusterFactory}), the network between them, virtual time, the history, and the run's
 * counters. It is the {@link World} the client and the nemesis act on. Mutable, owned by the run.
 */
final class Cluster implements World {
  static final int SERVER_SLOT = 1_000;

  private final SimulationOptions options;
  private final ClusterFactory factory;
  private final RunRandom random;
  private final TraceLog trace;
  private final EventLoop loop;
  private final HistoryRecorder history;
  private final RunEvents events;
  private final SimNetwork<SyncMessage> network;
  private final List<SimNode> slots = new ArrayList<>();
  private final Map<ReplicaId, SimNode> byId = new TreeMap<>();
  private final KeyGroups groups = KeyGroups.byParentPath();
  private final boolean sequencerMode;
  private final List<SimNode> touched = new ArrayList<>();
  private final MessageSize.Cache sizes = new MessageSize.Cache();
  private BiConsumer<SimNode, SyncMessage> replies = (node, message) -> {};
  private @Nullable SimNode server;
  private boolean converging;
  private long nextProcess;
  private long rejected;
  private long bootstrapBytes;
  private long maxTimestampLead = RunStats.NO_LOCAL_WRITE;
  private @Nullable Rollout rollout;
  private final @Nullable Compactor compactor;

  Cluster(SimulationOptions options, TraceLog trace, EventLoop loop, RunEvents events) {
    this.options = options;
    this.factory = options.mutant().factory();
    this.random = new RunRandom(options.seed());
    this.trace = trace;
    this.loop = loop;
    this.history = new HistoryRecorder(trace);
    this.events = events;
    this.sequencerMode = options.sync() == SyncKind.SEQUENCER;
    this.network =
        new SimNetwork<>(
            loop, random.network(), options.network(), this::slotOf, this::receive, trace::add);
    this.compactor = options.compacting() ? new Compactor(this) : null;
  }

  /** The compactor of a compaction run, null otherwise. */
  @Nullable Compactor compactor() {
    return compactor;
  }

  /** Runs the cluster under {@code r}: machines upgrade and keep what they receive by it. */
  void useRollout(Rollout r) {
    this.rollout = r;
  }

  @Override
  public @Nullable Rollout rollout() {
    return rollout;
  }

  /** What {@code node} applies of message {@code m} under the rollout's inbound filter. */
  private SyncMessage inbound(SimNode node, SyncMessage m) {
    Rollout r = rollout;
    if (r == null) {
      return m;
    }
    if (m instanceof SyncMessage.Changes c) {
      return new SyncMessage.Changes(r.inbound(node.slot, loop.now(), c.changes()));
    }
    if (m instanceof SyncMessage.State st) {
      List<Change> kept = r.inbound(node.slot, loop.now(), st.state().changes());
      return new SyncMessage.State(ReplicaState.of(st.state().policy(), kept));
    }
    return m;
  }

  /** Where replies to sequencer clients go (the client part). */
  void onClientReply(BiConsumer<SimNode, SyncMessage> handler) {
    this.replies = handler;
  }

  /** Builds the starting machines, and the server under the sequencer. */
  void start() {
    for (int i = 0; i < options.replicas(); i++) {
      addNode();
    }
    if (sequencerMode) {
      server = new SimNode(SERVER_SLOT, "server", newPhysicalClock(), nextProcess++);
      startReplica(server, server.id, null);
    }
  }

  /** Ends the safety phase: from now on faults neither start nor end on their own. */
  void startConverging() {
    converging = true;
  }

  @Override
  public long now() {
    return loop.now();
  }

  @Override
  public void at(long tick, String label, Runnable action) {
    loop.at(tick, label, action);
  }

  @Override
  public void after(long delayTicks, String label, Runnable action) {
    loop.after(delayTicks, label, action);
  }

  @Override
  public boolean converging() {
    return converging;
  }

  @Override
  public void trace(String line) {
    trace.add(line);
  }

  @Override
  public HistoryRecorder history() {
    return history;
  }

  @Override
  public void nemesisEvent(String f, Object value) {
    history.nemesis(f, value, loop.now());
  }

  @Override
  public void record(Supplier<RunEvent> event) {
    events.record(event);
  }

  @Override
  public SimNetwork<SyncMessage> network() {
    return network;
  }

  @Override
  public boolean sequencerMode() {
    return sequencerMode;
  }

  @Override
  public List<SimNode> machines() {
    return List.copyOf(slots);
  }

  @Override
  public @Nullable SimNode server() {
    return server;
  }

  KeyGroups groups() {
    return groups;
  }

  long rejected() {
    return rejected;
  }

  long bootstrapBytes() {
    return bootstrapBytes;
  }

  long maxTimestampLead() {
    return maxTimestampLead;
  }

  @Override
  public SimNode addNode() {
    int slot = slots.size();
    String name = slot < 26 ? String.valueOf((char) ('A' + slot)) : "N" + slot;
    SimNode node = new SimNode(slot, name, newPhysicalClock(), nextProcess++);
    events.record(
        () ->
            new RunEvent.MachineAdded(name, node.physical.skewMillis(), node.physical.driftPpm()));
    slots.add(node);
    if (sequencerMode) {
      byId.put(node.id, node);
    } else {
      startReplica(node, node.id, null);
      long first = random.sync().between(1, options.timing().syncIntervalTicks());
      scheduleSyncTick(node, loop.now() + first);
    }
    return node;
  }

  private SimClock newPhysicalClock() {
    Prng p = random.clocks();
    long skew = p.between(-options.clock().skewMillisMax(), options.clock().skewMillisMax());
    long drift = p.between(-options.clock().driftPpmMax(), options.clock().driftPpmMax());
    return new SimClock(loop::now, skew, drift);
  }

  @Override
  public void startReplica(SimNode node, ReplicaId id, @Nullable ReplicaState durable) {
    TimestampClock clock =
        factory.newClock(options.clock().kind(), node.physical, options.clock().maxDriftMillis());
    node.clock = clock;
    NodeDisk disk = node.disk;
    Replica replica;
    Snapshot kept = node.durableSnapshot;
    if (disk != null) {
      // A restart: even an empty disk is loaded, since a disk that crashed mid-commit must be.
      replica = DiskRecovery.recover(this, node, disk, id);
    } else if (kept != null && compactor != null) {
      Coverage.mark(CompactionSimMark.RESTARTED_FROM_SNAPSHOT);
      replica = compactor.restore(node, id, kept);
      node.durableSnapshot = null;
    } else {
      replica = factory.newReplica(id, options.policy(), groups, clock);
      if (options.storageBacked() && node != server) {
        node.disk = new NodeDisk(factory);
      }
    }
    node.id = replica.id();
    node.replica = replica;
    node.status = SimNode.Status.UP;
    node.storageDown = false;
    Compactor c = compactor;
    if (c != null) {
      node.snapshotter = r -> c.durable(node, r);
    }
    byId.put(node.id, node);
    touch(node);
    if (durable != null) {
      for (ApplyResult.Rejected r : replica.merge(durable)) {
        onApply(node, r);
      }
      onMerged(node, true, durable.changes());
    }
    if (!sequencerMode) {
      startProtocol(node, replica);
    } else if (node == server) {
      node.sequencer = factory.newSequencer(replica);
    }
  }

  private void startProtocol(SimNode node, Replica replica) {
    node.sync =
        factory.newAntiEntropy(
            options.sync(), replica, random.sync().fork(), r -> onApply(node, r));
  }

  /** {@code node} goes on as {@code replica} (bootstrapped from a peer's snapshot). */
  void replaceReplica(SimNode node, Replica replica) {
    node.replica().checkRep();
    node.replica = replica;
    touch(node);
    startProtocol(node, replica);
  }

  private void scheduleSyncTick(SimNode node, long tick) {
    loop.at(
        tick,
        "sync-tick " + node.baseName,
        () -> {
          if (node.isUp() && options.timing().antiEntropy()) {
            List<Outgoing> out = new ArrayList<>(node.sync().onTick(peers(node)));
            if (compactor != null) {
              out.addAll(compactor.onTick(node, peers(node)));
            }
            if (persist(node)) {
              send(node, out);
            }
          }
          scheduleSyncTick(node, tick + options.timing().syncIntervalTicks());
        });
  }

  @Override
  public List<ReplicaId> peers(SimNode self) {
    List<ReplicaId> out = new ArrayList<>();
    for (SimNode n : slots) {
      if (n != self) {
        out.add(n.id);
      }
    }
    return out;
  }

  @Override
  public List<Integer> endpointSlots() {
    List<Integer> out = new ArrayList<>();
    for (SimNode n : slots) {
      out.add(n.slot);
    }
    if (server != null) {
      out.add(SERVER_SLOT);
    }
    return out;
  }

  @Override
  public SimNode nodeAt(int slot) {
    return slot == SERVER_SLOT ? requireServer() : slots.get(slot);
  }

  @Override
  public void send(SimNode from, List<Outgoing> outgoing) {
    for (Outgoing o : outgoing) {
      network.send(
          from.id, o.to(), o.message(), MessageSize.of(o.message(), sizes), o.message().label());
    }
  }

  private int slotOf(ReplicaId id) {
    SimNode n = byId.get(id);
    return n == null ? -1 : n.slot;
  }

  private void receive(Envelope<SyncMessage> e) {
    SimNode node = byId.get(e.to());
    if (node == null || !node.id.equals(e.to())) {
      trace.add("drop-retired #" + e.id());
    } else if (node.status == SimNode.Status.CRASHED) {
      trace.add("drop-crashed #" + e.id());
    } else if (node.status == SimNode.Status.PAUSED) {
      node.inbox.add(e);
    } else {
      handle(node, e);
    }
  }

  @Override
  public void handle(SimNode node, Envelope<SyncMessage> e) {
    if (!readOnly(e.message())) {
      touch(node);
    }
    if (!sequencerMode) {
      List<Outgoing> out =
          compactor == null ? null : compactor.intercept(node, e.from(), e.message());
      if (out == null) {
        out = node.sync().onMessage(e.from(), inbound(node, e.message()));
        if (e.message() instanceof SyncMessage.State s) {
          onMerged(node, false, s.state().changes());
        }
      }
      if (persist(node)) {
        send(node, out);
      }
    } else if (node == server) {
      SyncMessage reply = node.sequencer().handle(e.message());
      if (reply != null) {
        send(node, List.of(new Outgoing(e.from(), reply)));
      }
    } else {
      replies.accept(node, e.message());
    }
  }

  /**
   * Messages whose receipt only reads the receiver's replica (an ack updates the protocol's view of
   * a peer; a pull is answered from the log), so the step needs no {@code checkRep()} of it.
   */
  private static boolean readOnly(SyncMessage m) {
    return m instanceof SyncMessage.Ack || m instanceof SyncMessage.Pull;
  }

  private void onApply(SimNode node, ApplyResult result) {
    events.record(
        () ->
            new RunEvent.Applied(
                loop.now(),
                node.id,
                result,
                node.physical.millis(),
                node.clock().current(),
                node.replica().versionVector(),
                node.replica().materialise()));
    if (result instanceof ApplyResult.Rejected r) {
      rejected++;
      trace.add("rejected at " + node.id + " " + r.dot() + ": " + r.reason());
    }
  }

  /** Records, for trace export, that {@code node} merged a state of {@code changes}. */
  private void onMerged(SimNode node, boolean restart, List<Change> changes) {
    events.record(
        () ->
            new RunEvent.Merged(
                loop.now(),
                node.id,
                restart,
                changes,
                node.physical.millis(),
                node.clock().current(),
                node.replica().versionVector(),
                node.replica().materialise()));
  }

  @Override
  public void bootstrap(SimNode joiner, SimNode peer) {
    touch(joiner);
    ReplicaState state = peer.replica().state();
    bootstrapBytes += ReplicaStateCodec.encode(state).length;
    for (ApplyResult.Rejected r : joiner.replica().merge(state)) {
      onApply(joiner, r);
    }
    persist(joiner);
  }

  @Override
  public boolean persist(SimNode node) {
    NodeDisk disk = node.disk;
    if (disk == null || !node.isUp()) {
      return true;
    }
    try {
      disk.commit(node.replica(), node.clock());
      return true;
    } catch (StorageException e) {
      if (e.kind() == StorageException.Kind.FULL) {
        Coverage.mark(SimMark.STORAGE_DISK_FULL_REFUSED);
      }
      trace.add("storage failure at " + node.id + ": " + e.getMessage());
      nemesisEvent(
          "storage-failure",
          Map.of(Keyword.of("node"), node.id.value(), Keyword.of("error"), e.kind().name()));
      // A process whose commit failed may be ahead of its disk: it stops, as after fsync fails.
      node.crash(false);
      node.storageDown = true;
      return false;
    }
  }

  /** Notes a change a replica refused while replaying its disk. */
  void onReplayRejected(SimNode node, ApplyResult.Rejected r) {
    onApply(node, r);
  }

  KeyGroups keyGroups() {
    return groups;
  }

  RegisterPolicy policy() {
    return options.policy();
  }

  ClusterFactory factory() {
    return factory;
  }

  @Override
  public long newProcess() {
    return nextProcess++;
  }

  @Override
  public void noteTimestampLead(long leadMillis) {
    maxTimestampLead = Math.max(maxTimestampLead, leadMillis);
  }

  @Override
  public void touch(SimNode node) {
    if (!node.touched) {
      node.touched = true;
      touched.add(node);
    }
  }

  /**
   * {@code checkRep()} on every replica the last step touched: a replica no step touched has the
   * representation it had when it was last checked. The per-step form walks only what the step can
   * have changed, and the whole replica every few steps; a replica that leaves the run (a crash, a
   * bootstrap that replaces it) and every live one at the end get the whole walk.
   */
  void checkTouched() {
    for (SimNode n : touched) {
      n.touched = false;
      if (n.isUp() && n.replica != null) {
        n.replica.checkRepAfterStep();
      }
    }
    touched.clear();
  }

  @Override
  public List<SimNode> liveReplicas() {
    List<SimNode> out = new ArrayList<>();
    for (SimNode n : slots) {
      if (n.isUp() && n.replica != null) {
        out.add(n);
      }
    }
    if (server != null && server.isUp()) {
      out.add(server);
    }
    return out;
  }
}
