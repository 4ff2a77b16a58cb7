package dev.entente.simulations.run;

import dev.entente.impl.Replica;
import dev.entente.impl.ReplicaState;
import dev.entente.model.Change;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import dev.entente.model.check.CheckResult;
import dev.entente.model.check.Checker;
import dev.entente.model.check.ReplicaObservation;
import dev.entente.model.coverage.Coverage;
import dev.entente.simulations.RunStats;
import dev.entente.simulations.SimulationOptions;
import dev.entente.simulations.SimulationOutcome;
import dev.entente.simulations.coverage.SimMark;
import dev.entente.simulations.event.EventLoop;
import dev.entente.simulations.event.RunEvents;
import dev.entente.simulations.event.TraceLog;
import dev.entente.simulations.plan.PlannedFault;
import dev.entente.simulations.plan.PlannedOp;
import dev.entente.simulations.plan.Schedule;
import dev.entente.simulations.random.Prng;
import dev.entente.simulations.schema.Rollout;
import dev.entente.simulations.schema.RolloutObservation;
import dev.entente.simulations.schema.RolloutRecord;
import dev.entente.simulations.workload.ClientOp;
import dev.entente.simulations.workload.WorkloadKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One simulated run, composed of Jepsen's parts: a {@link Generator}'s {@link Schedule} (the
 * workload and the faults, as data), a {@link Client} that executes each op on a machine, a {@link
 * Nemesis} per fault family, and the checkers that judge the outcome (step checkers here, whole-run
 * checkers in the driver). It builds the {@link Cluster}, executes the schedule on the event loop
 * through the safety phase (faults on, {@code checkRep()} on every replica a step touched, that is
 * may have changed: not a read, a sync tick or an ack or pull arriving, and every step checker
 * after every event), heals everything, then runs anti-entropy until the cluster is quiescent or
 * the convergence budget is spent. Deterministic: a pure function of (options, schedule).
 *
 * <p>Quiescent means: every live replica has delivered exactly the same changes, nothing is held in
 * a clog, and no change held undelivered anywhere (a causal buffer or an MV replica's pending set)
 * could be delivered given what the replicas have. Changes whose causal past died with an amnesiac
 * replica can never be delivered; they are counted as orphaned and reported, not awaited.
 */
public final class Simulation {
  private final SimulationOptions options;
  private final Schedule schedule;
  private final TraceLog trace;
  private final EventLoop loop;
  private final RunEvents events;
  private final Cluster cluster;
  private final Client client;
  private final Nemesis nemesis;
  private final List<StepChecker> stepCheckers;
  private @Nullable CheckResult stepFailure;
  private List<ReplicaObservation> safetyObservations = List.of();
  private final @Nullable Rollout rollout;
  private List<RolloutObservation> rolloutSafety = List.of();
  private boolean quiescent;
  private long quiescentTick = -1;
  private int probes;

  private Simulation(
      SimulationOptions options, Schedule schedule, List<StepChecker> checkers, boolean keep) {
    this.options = options;
    this.schedule = schedule;
    this.stepCheckers = List.copyOf(checkers);
    this.trace = new TraceLog(keep);
    this.loop = new EventLoop(e -> trace.add(e.tick() + " " + e.sequence() + " " + e.label()));
    this.events = new RunEvents(keep);
    this.cluster = new Cluster(options, trace, loop, events);
    this.client =
        cluster.sequencerMode()
            ? new SequencerClient(cluster, options.timing().requestTimeoutTicks())
            : new ReplicaClient(cluster);
    cluster.onClientReply(client::onReply);
    this.rollout =
        options.workload().kind() == WorkloadKind.ROLLOUT
            ? new Rollout(
                options.seed(), schedule.safetyEndTick(), options.mutant().factory().schema())
            : null;
    if (rollout != null) {
      cluster.useRollout(rollout);
    }
    this.nemesis = CompositeNemesis.all(cluster, options.clock());
  }

  /** The schedule {@code options} plan from their seed. */
  public static Schedule plan(SimulationOptions options) {
    return Generator.SEEDED.schedule(options);
  }

  /** Runs the seed's own schedule with no step checkers, without keeping trace lines. */
  public static SimulationOutcome run(SimulationOptions options) {
    return run(options, Generator.SEEDED, List.of(), false);
  }

  /**
   * Runs {@code schedule} under {@code options}.
   *
   * @param checkers run after every step; the first result that is not VALID stops the run
   * @param keepTrace keep the trace lines and the typed run events in the outcome (the hash is
   *     always computed)
   */
  public static SimulationOutcome run(
      SimulationOptions options, Schedule schedule, List<StepChecker> checkers, boolean keepTrace) {
    return run(options, Generator.fixed(schedule), checkers, keepTrace);
  }

  /** Runs the schedule {@code generator} makes of {@code options}; see the other overload. */
  public static SimulationOutcome run(
      SimulationOptions options,
      Generator generator,
      List<StepChecker> checkers,
      boolean keepTrace) {
    return new Simulation(options, generator.schedule(options), checkers, keepTrace).execute();
  }

  /**
   * Runs both phases. A run that breaks (an exception, an invariant violation, a failed {@code
   * checkRep()}) ends there: the trace records where, and the outcome keeps the full stack trace.
   */
  private SimulationOutcome execute() {
    trace.add("options " + options.describe());
    try {
      setUp();
      runSafety();
      if (stepFailure == null) {
        runConvergence();
      }
    } catch (RuntimeException | AssertionError e) {
      String error = "at tick " + loop.now() + ": " + e;
      trace.add("error " + error);
      return outcome(error, stackTrace(e));
    }
    return outcome(null, null);
  }

  private static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  private void setUp() {
    cluster.start();
    for (PlannedOp op : schedule.ops()) {
      loop.at(op.tick(), "op " + op, () -> invoke(op));
    }
    for (PlannedFault f : schedule.faults()) {
      loop.at(f.tick(), "fault " + f, () -> startFault(f));
    }
    loop.at(schedule.safetyEndTick(), "heal-all", this::healAll);
  }

  private void invoke(PlannedOp op) {
    List<SimNode> machines = cluster.machines();
    if (op.slot() >= machines.size()) {
      trace.add("skip op: no slot " + op.slot());
      return;
    }
    SimNode node = machines.get(op.slot());
    if (!(op.op() instanceof ClientOp.Read)) {
      // A read leaves the replica as the last checkRep() saw it, as a sync tick does.
      cluster.touch(node);
    }
    client.invoke(node, op.op());
  }

  private void startFault(PlannedFault f) {
    if (!cluster.converging()) {
      nemesis.start(f, new Prng(f.seed()));
    }
  }

  private void runSafety() {
    while (stepFailure == null && !cluster.converging() && loop.step(Long.MAX_VALUE)) {
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

  private void checkAll() {
    for (SimNode n : cluster.liveReplicas()) {
      n.replica().checkRep();
    }
  }

  /** The end of the safety phase: observe, then end every fault (the network calms down too). */
  private void healAll() {
    checkAll();
    safetyObservations = observe();
    rolloutSafety = observeRollout();
    cluster.startConverging();
    nemesis.healAll();
    cluster.nemesisEvent("heal", "all");
  }

  /** After every step: {@code checkRep()} on the replicas it touched, then the step checkers. */
  private void afterStep() {
    cluster.checkTouched();
    if (stepCheckers.isEmpty()) {
      return;
    }
    StepChecker.StepView view =
        new StepChecker.StepView(
            loop.now(), "step " + loop.executed(), this::observe, cluster.history().ops());
    for (StepChecker c : stepCheckers) {
      CheckResult r = Checker.safely("step-checker", c::check, view);
      if (!r.isValid()) {
        stepFailure = r;
        trace.add("step-check failed " + r.checker() + ": " + r.explanation());
        return;
      }
    }
  }

  private List<ReplicaObservation> observe() {
    Compactor c = cluster.compactor();
    List<ReplicaObservation> out = new ArrayList<>();
    for (SimNode n : cluster.liveReplicas()) {
      // A compacted log is only a tail: the oracle judges the map by everything delivered.
      List<Change> delivered =
          c == null ? n.replica().changesSince(VersionVector.EMPTY) : c.history(n.replica());
      out.add(new ReplicaObservation(n.id, delivered, n.replica().materialise()));
    }
    return out;
  }

  private List<RolloutObservation> observeRollout() {
    List<RolloutObservation> out = new ArrayList<>();
    if (rollout != null) {
      for (SimNode n : cluster.liveReplicas()) {
        List<Change> log = n.replica().changesSince(VersionVector.EMPTY);
        out.add(rollout.observe(n.id, n.slot, loop.now(), log));
      }
    }
    return out;
  }

  private RolloutRecord rolloutRecord(boolean broke) {
    if (rollout == null) {
      return RolloutRecord.NONE;
    }
    List<RolloutObservation> finals = broke ? List.of() : observeRollout();
    return rollout.record(rolloutSafety, finals, cluster.machines().size());
  }

  private void probe() {
    if (quiescent) {
      return;
    }
    probes++;
    boolean q =
        cluster.sequencerMode()
            ? client.idle() && cluster.requireServer().isUp()
            : replicasQuiescent();
    if (q) {
      if (probes > 1) {
        Coverage.mark(SimMark.CONVERGENCE_AFTER_SEVERAL_PROBES);
      }
      quiescent = true;
      quiescentTick = loop.now();
      trace.add("quiescent at " + loop.now());
    }
  }

  private boolean replicasQuiescent() {
    List<SimNode> live = cluster.liveReplicas();
    if (live.size() != cluster.machines().size() || cluster.network().heldCount() > 0) {
      return false;
    }
    if (cluster.compactor() != null) {
      return CompactionEquivalence.quiescent(live);
    }
    Replica first = live.get(0).replica();
    VersionVector vv = first.versionVector();
    for (SimNode n : live) {
      Replica r = n.replica();
      if (!r.versionVector().equals(vv) || r.deliveredCount() != first.deliveredCount()) {
        return false;
      }
    }
    ReplicaState state = first.state();
    for (SimNode n : live) {
      if (!n.replica().state().equals(state)) {
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
    List<Change> out = new ArrayList<>(n.replica().pending());
    if (n.sync != null) {
      out.addAll(n.sync.held());
    }
    return out;
  }

  private SimulationOutcome outcome(@Nullable String error, @Nullable String errorStackTrace) {
    TreeMap<ReplicaId, List<Change>> held = new TreeMap<>();
    long orphaned = 0;
    List<ReplicaObservation> finals = List.of();
    Compactor compactor = cluster.compactor();
    if (compactor != null) {
      trace.add(compactor.stats().describe());
    }
    if (error == null) {
      finals = observe();
      if (compactor != null && stepFailure == null) {
        stepFailure = CompactionEquivalence.check(options.policy(), cluster.groups(), finals);
      }
      for (SimNode n : cluster.liveReplicas()) {
        List<Change> h = held(n);
        held.put(n.id, h);
        orphaned += h.size();
      }
    }
    return new SimulationOutcome(
        options,
        schedule,
        cluster.history().history(),
        safetyObservations,
        finals,
        held,
        cluster.groups(),
        quiescent,
        error,
        errorStackTrace,
        stepFailure,
        stats(orphaned),
        trace.hash(),
        trace.lines(),
        events.events(),
        // Marks are counted by whoever records the run (SimulationRunner), not by the run itself.
        new TreeMap<>(),
        rolloutRecord(error != null));
  }

  private RunStats stats(long orphaned) {
    long convergence = quiescentTick < 0 ? -1 : quiescentTick - schedule.safetyEndTick();
    return RunStats.of(
        loop.executed(),
        loop.now(),
        cluster.network().stats(),
        cluster.rejected(),
        cluster.bootstrapBytes(),
        convergence,
        orphaned,
        cluster.maxTimestampLead());
  }
}
