package dev.entente.peers.sim;

import dev.entente.model.check.CheckResult;
import dev.entente.model.check.Verdict;
import dev.entente.peers.launch.PeerSpec;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.SeedRange;
import dev.entente.simulations.SimulationOptions;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code entente simulate --peer P}: runs a range of seeds over replicas of a peer. Per seed the
 * first line names the seed, every option and the peer; then one line per verdict, the calendar
 * anomaly count and the wire bytes; the last line is {@code PASSED seed=S peer=P (name version)
 * trace=HASH} or {@code FAILED seed=S peer=P checker: explanation | replay: COMMAND}.
 */
public final class PeerSimulate {
  private PeerSimulate() {}

  /**
   * Runs every seed of {@code range}.
   *
   * @return 0 if every run passed, 1 if one failed, 2 (the reason on {@code err}) for an unknown
   *     peer or Node peers that are not installed
   */
  public static int run(
      String peer,
      Profile profile,
      Overrides overrides,
      SeedRange range,
      PrintStream out,
      PrintStream err) {
    PeerSpec spec;
    try {
      spec = PeerSpec.parse(peer);
    } catch (IllegalArgumentException e) {
      err.println("entente simulate: " + e.getMessage());
      return 2;
    }
    return runAll(spec, profile, overrides, range, out) ? 0 : 1;
  }

  private static boolean runAll(
      PeerSpec spec, Profile profile, Overrides overrides, SeedRange range, PrintStream out) {
    boolean all = true;
    for (long seed = range.first(); seed <= range.last(); seed++) {
      SimulationOptions options = profile.resolve(seed, overrides);
      out.println(options.describe() + " peer=" + spec.name());
      PeerRunOutcome o = PeerRun.run(options, spec, false);
      List<CheckResult> verdicts = PeerVerdicts.judge(o);
      for (CheckResult r : verdicts) {
        out.println("  " + r.checker() + " " + r.verdict() + ": " + r.explanation());
      }
      out.println(
          "  calendar-anomalies="
              + PeerVerdicts.calendarAnomalies(o)
              + " changes="
              + o.counts().changes()
              + " messages="
              + o.counts().messages()
              + " bytes="
              + o.counts().messageBytes());
      all &= verdict(seed, spec, o, verdicts, out);
    }
    return all;
  }

  private static boolean verdict(
      long seed, PeerSpec spec, PeerRunOutcome o, List<CheckResult> verdicts, PrintStream out) {
    String who = "seed=" + seed + " peer=" + spec.name() + " (" + o.peerVersion() + ")";
    for (CheckResult r : verdicts) {
      if (r.verdict() == Verdict.INVALID) {
        out.println(
            "FAILED "
                + who
                + " "
                + r.checker()
                + ": "
                + r.explanation()
                + " | replay: "
                + o.replayCommand());
        return false;
      }
    }
    out.println("PASSED " + who + " trace=" + o.traceHash());
    return true;
  }
}
