package dev.entente.peers.conform;

import dev.entente.model.check.CausalOverwriteChecker;
import dev.entente.model.check.CheckResult;
import dev.entente.model.check.ConvergenceChecker;
import dev.entente.model.check.ReplicaObservation;
import dev.entente.model.check.Verdict;
import dev.entente.peers.cluster.PeerCluster;
import dev.entente.peers.launch.PeerSpec;
import dev.entente.peers.protocol.PeerFinding;
import dev.entente.peers.protocol.PeerInfo;
import dev.entente.simulations.event.TraceLog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Runs one {@link Scenario} against fresh replicas of a peer and judges it: the protocol (no
 * finding), eventual convergence after healing (every pair synced, up to {@link #HEAL_ROUNDS}
 * rounds), strong convergence, no causally later write lost, no resurrection. Deterministic when
 * the peer is.
 */
final class ScenarioRun {
  static final long EPOCH_MILLIS = 1_700_000_000_000L;
  static final int HEAL_ROUNDS = 4;

  private ScenarioRun() {}

  /** The scenario's result row. */
  static ConformRow run(Scenario scenario, PeerSpec peer) {
    TraceLog trace = new TraceLog(false);
    // The cluster reads virtual time from the driver, which needs the cluster: a holder ties them.
    ScenarioDriver[] holder = new ScenarioDriver[1];
    try (PeerCluster cluster = new PeerCluster(trace, () -> holder[0].tick())) {
      ScenarioDriver driver = new ScenarioDriver(cluster, scenario.replicas());
      holder[0] = driver;
      List<String> ids = new ArrayList<>();
      List<LongSupplier> clocks = new ArrayList<>();
      for (int i = 0; i < scenario.replicas(); i++) {
        int slot = i;
        ids.add(String.valueOf((char) ('A' + i)));
        clocks.add(() -> driver.physicalMillis(slot));
      }
      if (cluster.start(peer.launcher(), ids, clocks)) {
        scenario.script().accept(driver);
        for (int round = 0; round < HEAL_ROUNDS && !cluster.quiescent(); round++) {
          driver.syncAll();
        }
        driver.readAll();
      }
      return row(scenario, cluster, judge(cluster));
    }
  }

  private static List<CheckResult> judge(PeerCluster cluster) {
    List<CheckResult> out = new ArrayList<>();
    PeerFinding f = cluster.finding();
    if (f != null) {
      out.add(CheckResult.invalid("replica-protocol", f.describe()));
      return out;
    }
    List<ReplicaObservation> finals = cluster.observe();
    out.add(
        cluster.quiescent()
            ? ConvergenceChecker.allDeliveredTheSame(finals)
            : CheckResult.invalid(
                "eventual-convergence",
                "replicas differ after "
                    + HEAL_ROUNDS
                    + " rounds of syncing every pair: "
                    + ConvergenceChecker.allDeliveredTheSame(finals).explanation()));
    out.add(CausalOverwriteChecker.lostWrites().check(cluster.history()));
    out.add(CausalOverwriteChecker.resurrections().check(cluster.history()));
    return out;
  }

  private static ConformRow row(Scenario s, PeerCluster cluster, List<CheckResult> verdicts) {
    PeerInfo info = cluster.info();
    String implementation = info == null ? "unknown" : info.describe();
    for (CheckResult r : verdicts) {
      if (r.verdict() == Verdict.INVALID) {
        return new ConformRow(
            s.name(), false, r.checker() + ": " + r.explanation(), implementation);
      }
    }
    return new ConformRow(
        s.name(), true, verdicts.size() + " checks valid: " + s.description(), implementation);
  }
}
