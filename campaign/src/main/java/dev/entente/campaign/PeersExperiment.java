package dev.entente.campaign;

import dev.entente.model.check.CheckResult;
import dev.entente.model.check.Verdict;
import dev.entente.peers.launch.PeerSpec;
import dev.entente.peers.sim.NoOpRoundTrip;
import dev.entente.peers.sim.PeerRun;
import dev.entente.peers.sim.PeerRunOutcome;
import dev.entente.peers.sim.PeerVerdicts;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.workload.WorkloadKind;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Other people's CRDTs under the same seeds and faults: every built-in peer ({@link
 * PeerSpec#BUILT_IN}) runs each seed of the {@code default} profile with the calendar workload
 * behind the replica protocol ({@code entente simulate --peer P}), judged by the LWW-map checkers.
 * Each record holds the verdicts, the calendar anomaly count, the wire bytes and the apply times,
 * with a no-op round trip measured apart. A Node peer that is not installed gives a {@link
 * StepStatus} record ({@code unavailable} and why) instead of failing the campaign. Immutable.
 */
final class PeersExperiment implements Experiment {
  static final String ID = "peers";

  /** Round trips of the no-op probe per run. */
  static final int NO_OP_CALLS = 20;

  /** Client operations per run in quick mode (the profile draws them otherwise). */
  static final int QUICK_OPS = 60;

  private final CampaignPlan plan;

  PeersExperiment(CampaignPlan plan) {
    this.plan = plan;
  }

  @Override
  public String id() {
    return ID;
  }

  /** Seeds per peer: the plan's count, capped per mode (child processes are slow). */
  int seedCount() {
    int cap =
        switch (plan.mode()) {
          case QUICK -> 2;
          case DEFAULT -> 4;
          case FULL -> 20;
        };
    return Math.min(plan.seedCount(), cap);
  }

  /** The runs' options beside the profile: the calendar workload, fewer ops in quick mode. */
  Overrides overrides() {
    Overrides o = Overrides.NONE.withWorkload(WorkloadKind.CALENDAR);
    return plan.mode() == CampaignMode.QUICK ? o.withOps(QUICK_OPS) : o;
  }

  @Override
  public List<RunSpec> specs() {
    SimulatedExperiment.Variant v = new SimulatedExperiment.Variant(Profile.DEFAULT, overrides());
    return VariantRuns.specs(ID, PeerSpec.BUILT_IN, v, plan.firstSeed(), seedCount());
  }

  @Override
  public RunRecord run(RunSpec spec) {
    RunKey key = new RunKey(ID, spec.variant(), spec.seed());
    PeerSpec peer;
    try {
      peer = PeerSpec.parse(spec.variant());
    } catch (IllegalArgumentException e) {
      // Node peers that are not installed: the section says so; the campaign goes on.
      return new RunRecord(key, spec.index(), new StepStatus("unavailable", e.getMessage(), null));
    }
    String replay = spec.replayCommand() + " " + peer.asArgument();
    try {
      PeerRunOutcome o = PeerRun.run(spec.options(), peer, false);
      return new RunRecord(
          key, spec.index(), measure(o, NoOpRoundTrip.medianNanos(peer, NO_OP_CALLS)));
    } catch (RuntimeException e) {
      return RunRecord.crashed(key, spec.index(), replay, e);
    }
  }

  private static PeersMetrics measure(PeerRunOutcome o, long noOpNanos) {
    List<CheckResult> verdicts = PeerVerdicts.judge(o);
    List<String> failed = new ArrayList<>();
    String failure = "";
    for (CheckResult r : verdicts) {
      if (r.verdict() == Verdict.INVALID) {
        failed.add(r.checker());
        failure = failure.isEmpty() ? r.checker() + ": " + r.explanation() : failure;
      }
    }
    SimRun run =
        new SimRun(
            PeerVerdicts.passed(verdicts),
            String.join(",", failed),
            o.replayCommand(),
            new TreeMap<>());
    return new PeersMetrics(
        run,
        o.peerVersion(),
        failure,
        o.quiescent(),
        PeerVerdicts.calendarAnomalies(o),
        o.counts().changes(),
        o.counts().messages(),
        o.counts().messageBytes(),
        o.counts().applyCalls(),
        o.counts().applyRoundTripNanos(),
        o.counts().applyPeerNanos(),
        noOpNanos);
  }

  @Override
  public ExperimentReport aggregate(List<RunRecord> records) {
    List<PeersRow> rows = new ArrayList<>();
    for (String peer : PeerSpec.BUILT_IN) {
      rows.add(PeersRow.of(peer, records));
    }
    String setup =
        "Each built-in peer behind the replica protocol (docs/replica-protocol.md), the same"
            + " schedules and faults: the default profile (3-5 replicas; partitions, clogs, clock"
            + " steps, loss, duplication, reordering, delay, skew, drift) with the calendar"
            + " workload"
            + (plan.mode() == CampaignMode.QUICK ? ", " + QUICK_OPS + " client ops per run" : "")
            + ", seeds "
            + plan.firstSeed()
            + ".."
            + (plan.firstSeed() + seedCount() - 1)
            + " per peer. Times are real, measured on this machine.";
    return PeersSection.report(rows, setup);
  }
}
