package dev.entente.simulations.run;

import dev.entente.impl.ApplyResult;
import dev.entente.impl.Replica;
import dev.entente.impl.ReplicaState;
import dev.entente.impl.clock.TimestampClock;
import dev.entente.impl.codec.ReplicaStateCodec;
import dev.entente.model.Change;
import dev.entente.model.Check;
import dev.entente.model.KeyGroups;
import dev.entente.model.ReplicaId;
import dev.entente.model.Verify;
import dev.entente.model.VersionVector;
import dev.entente.model.check.CheckResult;
import dev.entente.model.check.Checker;
import dev.entente.model.check.ReplicaObservation;
import dev.entente.simulations.Mutant;
import dev.entente.simulations.RunStats;
import dev.entente.simulations.SchedulePlanner;
import dev.entente.simulations.SimulationOptions;
import dev.entente.simulations.SimulationOutcome;
import dev.entente.simulations.clock.SimClock;
import dev.entente.simulations.event.EventLoop;
import dev.entente.simulations.event.TraceLog;
import dev.entente.simulations.net.Envelope;
import dev.entente.simulations.net.NetworkConfig;
import dev.entente.simulations.net.SimNetwork;
import dev.entente.simulations.plan.PlannedFault;
import dev.entente.simulations.plan.PlannedOp;
import dev.entente.simulations.plan.Schedule;
import dev.entente.simulations.random.Prng;
import dev.entente.simulations.random.Ratio;
import dev.entente.simulations.random.RunRandom;
import dev.entente.simulations.sync.MessageSize;
import dev.entente.simulations.sync.Outgoing;
import dev.entente.simulations.sync.SyncContext;
import dev.entente.simulations.sync.SyncKind;
import dev.entente.simulations.sync.SyncMessage;
import dev.entente.simulations.trace.SpecNotes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One simulated run: builds the cluster, executes a {@link Schedule} on the event loop through the
 * safety phase (faults on, {@code checkRep()} on every live replica and every step checker after
 * every event), heals everything, then runs anti-entropy until the cluster is quiescent or the
 * convergence budget is spent. Deterministic: a pure function of (options, schedule).
 *
 * <p>Quiescent means: every live replica has delivered exactly the same changes, nothing is held in
 * a clog, and no change held undelivered anywhere (a causal buffer or an MV replica's pending set)
 * could be delivered given what the replicas have. Changes whose causal past died with an amnesiac
 * replica can never be delivered; they are counted as orphaned and reported, not awaited.
 */
public final class Simulation {
  static final int SERVER_SLOT = 1_000;

  final SimulationOptions options;
  final Schedule schedule;
  final Mutant mutant;
  final RunRandom random;
  final TraceLog trace;
  final EventLoop loop;
  final HistoryRecorder history;
  final SimNetwork<SyncMessage> network;
  final List<SimNode> slots = new ArrayList<>();
  final Map<ReplicaId, SimNode> byId = new TreeMap<>();
  final KeyGroups groups = KeyGroups.byParentPath();
  final boolean sequencerMode;
  final Clients clients;
  final Nemesis nemesis;
  private final List<StepChecker> stepCheckers;
  private final List<SimNode> touched = new ArrayList<>();
  SimNode server;
  boolean converging;
  long nextProcess;
  long rejected;
  long bootstrapBytes;
  long maxTimestampLead = RunStats.NO_LOCAL_WRITE;
  private CheckResult stepFailure;
  private List<ReplicaObservation> safetyObservations = List.of();
  private boolean quiescent;
  private long quiescentTick = -1;

  private Simulation(
      SimulationOptions options, Schedule schedule, List<StepChecker> checkers, boolean keep) {
    this.options = options;
    this.schedule = schedule;
    this.mutant = options.mutant();
    this.stepCheckers = List.copyOf(checkers);
    this.random = new RunRandom(options.seed());
    this.trace = new TraceLog(keep);
    this.loop = new EventLoop(e -> trace.add(e.tick() + " " + e.sequence() + " " + e.label()));
    this.history = new HistoryRecorder(trace);
    this.sequencerMode = options.sync() == SyncKind.SEQUENCER;
    this.network =
        new SimNetwork<>(
            loop, random.network(), options.network(), this::slotOf, this::receive, trace::add);
    this.clients = new Clients(this);
    this.nemesis = new Nemesis(this);
  }

  /** The schedule {@code options} plan from their seed. */
  public static Schedule plan(SimulationOptions options) {
    return SchedulePlanner.plan(options, new RunRandom(options.seed()).plan());
  }

  /** Runs the seed's own schedule with no step checkers, without keeping trace lines. */
  public static SimulationOutcome run(SimulationOptions options) {
    return run(options, plan(options), List.of(), false);
  }

  /**
   * Runs {@code schedule} under {@code options}.
   *
   * @param checkers run after every step; the first result that is not VALID stops the run
   * @param keepTrace keep the trace lines in the outcome (the hash is always computed)
   */
  public static SimulationOutcome run(
      SimulationOptions options, Schedule schedule, List<StepChecker> checkers, boolean keepTrace) {
    return new Simulation(options, schedule, checkers, keepTrace).execute();
  }

  private SimulationOutcome execute() {
    trace.add("options " + options.describe());
    String error = null;
    try {
      setUp();
      runSafety();
      if (stepFailure == null) {
        runConvergence();
      }
    } catch (RuntimeException | AssertionError e) {
      error = "at tick " + loop.now() + ": " + e;
      trace.add("error " + error);
    }
    return outcome(error);
  }

  private void setUp() {
    for (int i = 0; i < options.replicas(); i++) {
      addNode();
    }
    if (sequencerMode) {
      server = new SimNode(SERVER_SLOT, "server", newPhysicalClock(), nextProcess++);
      startReplica(server, server.id, null);
      server.sequencer = mutant.newSequencer(server.replica);
    }
    for (PlannedOp op : schedule.ops()) {
      loop.at(op.tick(), "op " + op, () -> clients.execute(op));
    }
    for (PlannedFault f : schedule.faults()) {
      loop.at(f.tick(), "fault " + f, () -> nemesis.start(f));
    }
    loop.at(schedule.safetyEndTick(), "heal-all", this::healAll);
  }

  private void runSafety() {
    while (stepFailure == null && !converging && loop.step(Long.MAX_VALUE)) {
      afterStep();
    }
  }

  private void runConvergence() {
    long deadline = schedule.safetyEndTick() + options.timing().convergenceBudgetTicks();
    probe();
    scheduleProbe(loop.now() + options.timing().syncIntervalTicks());
    while (!quiescent && stepFailure == null && loop.step(deadline)) {
      afterStep();
    }
    checkAll();
  }

  /** Adds a node in the next slot, with a fresh replica (or as a client under the sequencer). */
  SimNode addNode() {
    int slot = slots.size();
    String name = slot < 26 ? String.valueOf((char) ('A' + slot)) : "N" + slot;
    SimNode node = new SimNode(slot, name, newPhysicalClock(), nextProcess++);
    trace.annotate(() -> SpecNotes.node(name, node.physical));
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

  /**
   * Starts a replica incarnation {@code id} on {@code node}, restoring {@code durable} if given.
   */
  void startReplica(SimNode node, ReplicaId id, ReplicaState durable) {
    TimestampClock clock =
        mutant.newClock(options.clock().kind(), node.physical, options.clock().maxDriftMillis());
    Replica replica = Replica.create(id, mutant.newMap(options.policy(), groups), clock);
    node.clock = clock;
    node.id = id;
    node.replica = replica;
    node.status = SimNode.Status.UP;
    byId.put(id, node);
    touch(node);
    if (durable != null) {
      for (ApplyResult.Rejected r : replica.merge(durable)) {
        onApply(node, r);
      }
    }
    if (!sequencerMode) {
      SyncContext ctx =
          new SyncContext(
              replica,
              random.sync().fork(),
              mutant.newCausalBuffer(),
              mutant::changesSince,
              r -> onApply(node, r));
      node.sync = mutant.newAntiEntropy(options.sync(), ctx);
    }
  }

  private void scheduleSyncTick(SimNode node, long tick) {
    loop.at(
        tick,
        "sync-tick " + node.baseName,
        () -> {
          if (node.isUp() && options.timing().antiEntropy()) {
            send(node, node.sync.onTick(peers(node)));
          }
          scheduleSyncTick(node, tick + options.timing().syncIntervalTicks());
        });
  }

  private void scheduleProbe(long tick) {
    loop.at(
        tick,
        "probe",
        () -> {
          probe();
          if (!quiescent) {
            scheduleProbe(tick + options.timing().syncIntervalTicks());
          }
        });
  }

  /** The current ids of the other machines' replicas, by slot (crashed ones included). */
  List<ReplicaId> peers(SimNode self) {
    List<ReplicaId> out = new ArrayList<>();
    for (SimNode n : slots) {
      if (n != self) {
        out.add(n.id);
      }
    }
    return out;
  }

  /** Every endpoint's slot: the machines, and the server under the sequencer. */
  List<Integer> endpointSlots() {
    List<Integer> out = new ArrayList<>();
    for (SimNode n : slots) {
      out.add(n.slot);
    }
    if (server != null) {
      out.add(SERVER_SLOT);
    }
    return out;
  }

  SimNode nodeAt(int slot) {
    return slot == SERVER_SLOT ? server : slots.get(slot);
  }

  void send(SimNode from, List<Outgoing> outgoing) {
    for (Outgoing o : outgoing) {
      network.send(from.id, o.to(), o.message(), MessageSize.of(o.message()), o.message().label());
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

  /** Hands a message to an up node. */
  void handle(SimNode node, Envelope<SyncMessage> e) {
    touch(node);
    if (!sequencerMode) {
      send(node, node.sync.onMessage(e.from(), e.message()));
    } else if (node == server) {
      SyncMessage reply = server.sequencer.handle(e.message());
      if (reply != null) {
        send(server, List.of(new Outgoing(e.from(), reply)));
      }
    } else {
      clients.onReply(node, e.message());
    }
  }

  private void onApply(SimNode node, ApplyResult result) {
    trace.annotate(
        () ->
            SpecNotes.applied(
                node.id,
                result,
                node.physical.millis(),
                node.clock.current(),
                node.replica.versionVector(),
                node.replica.materialise()));
    if (result instanceof ApplyResult.Rejected r) {
      rejected++;
      trace.add("rejected at " + node.id + " " + r.dot() + ": " + r.reason());
    }
  }

  /** Bootstraps a late joiner from {@code peer}'s state, outside the network. */
  void bootstrap(SimNode joiner, SimNode peer) {
    touch(joiner);
    ReplicaState state = peer.replica.state();
    bootstrapBytes += ReplicaStateCodec.encode(state).length;
    for (ApplyResult.Rejected r : joiner.replica.merge(state)) {
      onApply(joiner, r);
    }
  }

  private void checkAll() {
    for (SimNode n : liveReplicas()) {
      n.replica.checkRep();
    }
  }

  private void healAll() {
    checkAll();
    safetyObservations = observe();
    converging = true;
    nemesis.healAll();
    NetworkConfig c = network.config();
    network.configure(
        new NetworkConfig(
            c.delayTicksMin(), c.delayTicksMax(), c.delay(), Ratio.ZERO, Ratio.ZERO, c.reorder()));
  }

  /** Marks {@code node}'s replica for {@code checkRep()} after the current step. */
  void touch(SimNode node) {
    if (!node.touched) {
      node.touched = true;
      touched.add(node);
    }
  }

  /**
   * After every step: {@code checkRep()} on every replica the step touched (a replica no step
   * touched has the representation it had when it was last checked), then the step checkers.
   */
  private void afterStep() {
    for (SimNode n : touched) {
      n.touched = false;
      if (n.isUp() && n.replica != null) {
        n.replica.checkRep();
      }
    }
    touched.clear();
    if (stepCheckers.isEmpty()) {
      return;
    }
    StepChecker.StepView view =
        new StepChecker.StepView(
            loop.now(), "step " + loop.executed(), this::observe, history.ops());
    for (StepChecker c : stepCheckers) {
      CheckResult r = Checker.safely("step-checker", c::check, view);
      if (!r.isValid()) {
        stepFailure = r;
        trace.add("step-check failed " + r.checker() + ": " + r.explanation());
        return;
      }
    }
  }

  /** The up nodes that hold a replica, by slot (the server last). */
  List<SimNode> liveReplicas() {
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

  List<ReplicaObservation> observe() {
    List<ReplicaObservation> out = new ArrayList<>();
    for (SimNode n : liveReplicas()) {
      out.add(
          new ReplicaObservation(
              n.id, n.replica.changesSince(VersionVector.EMPTY), n.replica.materialise()));
    }
    return out;
  }

  private void probe() {
    if (quiescent) {
      return;
    }
    boolean q = sequencerMode ? clients.idle() && server.isUp() : replicasQuiescent();
    if (q) {
      quiescent = true;
      quiescentTick = loop.now();
      trace.add("quiescent at " + loop.now());
    }
  }

  private boolean replicasQuiescent() {
    List<SimNode> live = liveReplicas();
    if (live.size() != slots.size() || network.heldCount() > 0) {
      return false;
    }
    Replica first = live.get(0).replica;
    VersionVector vv = first.versionVector();
    for (SimNode n : live) {
      Replica r = n.replica;
      if (!r.versionVector().equals(vv) || r.deliveredCount() != first.deliveredCount()) {
        return false;
      }
    }
    ReplicaState state = first.state();
    for (SimNode n : live) {
      if (!n.replica.state().equals(state)) {
        return false;
      }
      for (Change c : held(n)) {
        if (vv.dominates(c.seen())) {
          return false;
        }
      }
    }
    return true;
  }

  private static List<Change> held(SimNode n) {
    List<Change> out = new ArrayList<>(n.replica.pending());
    if (n.sync != null) {
      out.addAll(n.sync.held());
    }
    return out;
  }

  private SimulationOutcome outcome(String error) {
    TreeMap<ReplicaId, List<Change>> held = new TreeMap<>();
    long orphaned = 0;
    List<ReplicaObservation> finals = List.of();
    if (error == null) {
      finals = observe();
      for (SimNode n : liveReplicas()) {
        List<Change> h = held(n);
        held.put(n.id, h);
        orphaned += h.size();
      }
    }
    long convergence = quiescentTick < 0 ? -1 : quiescentTick - schedule.safetyEndTick();
    RunStats stats =
        RunStats.of(
            loop.executed(),
            loop.now(),
            network.stats(),
            rejected,
            bootstrapBytes,
            convergence,
            orphaned,
            maxTimestampLead);
    String hash = trace.hash();
    return new SimulationOutcome(
        options,
        schedule,
        history.history(),
        safetyObservations,
        finals,
        held,
        groups,
        quiescent,
        error,
        stepFailure,
        stats,
        hash,
        trace.lines());
  }

  static void verifySeq(Change change, long expected) {
    Verify.that(
        change.seq() == expected,
        "replica %s made seq %d, expected %d",
        change.author(),
        change.seq(),
        expected);
  }

  static void checkSlot(boolean ok, int slot) {
    Check.state(ok, "no node in slot %d", slot);
  }
}
