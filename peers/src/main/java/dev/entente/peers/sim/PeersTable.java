package dev.entente.peers.sim;

import dev.entente.model.check.CheckResult;
import dev.entente.model.check.Verdict;
import dev.entente.peers.launch.PeerSpec;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.SimulationOptions;
import dev.entente.simulations.workload.WorkloadKind;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every peer under the same seeds and faults, one row each: runs, runs that failed a verdict (and
 * the first such run's replay command), runs that converged, reads showing an impossible calendar
 * state, bytes on the wire per change, and apply time per change (transact or sync-in) split into
 * time inside the peer and the protocol's and child process's overhead. The counts are pure
 * functions of the seeds; the times are measured. Run: {@code java -cp ... PeersTable FIRST LAST
 * [PROFILE] [PEER...]}.
 */
public final class PeersTable {
  private PeersTable() {}

  /** One peer's row. */
  public record Row(
      String peer,
      String version,
      long runs,
      long failed,
      long converged,
      long calendarAnomalies,
      long changes,
      long bytes,
      long applyCalls,
      long applyRoundTripNanos,
      long applyPeerNanos,
      String firstFailure) {}

  /** Runs seeds {@code first..last} of {@code profile} (calendar workload) over each peer. */
  public static List<Row> rows(List<String> peers, Profile profile, long first, long last) {
    List<Row> out = new ArrayList<>();
    for (String peer : peers) {
      out.add(row(PeerSpec.parse(peer), profile, first, last));
    }
    return out;
  }

  private static Row row(PeerSpec spec, Profile profile, long first, long last) {
    long[] n = new long[8];
    String version = "unknown";
    String firstFailure = "";
    for (long seed = first; seed <= last; seed++) {
      SimulationOptions o =
          profile.resolve(seed, Overrides.NONE.withWorkload(WorkloadKind.CALENDAR));
      PeerRunOutcome r = PeerRun.run(o, spec, false);
      version = r.peerVersion();
      List<CheckResult> verdicts = PeerVerdicts.judge(r);
      boolean failed = !PeerVerdicts.passed(verdicts);
      if (failed && firstFailure.isEmpty()) {
        firstFailure = firstInvalid(verdicts) + " | replay: " + r.replayCommand();
      }
      n[0] += failed ? 1 : 0;
      n[1] += r.quiescent() ? 1 : 0;
      n[2] += PeerVerdicts.calendarAnomalies(r);
      n[3] += r.counts().changes();
      n[4] += r.counts().messageBytes();
      n[5] += r.counts().applyCalls();
      n[6] += r.counts().applyRoundTripNanos();
      n[7] += r.counts().applyPeerNanos();
    }
    return new Row(
        spec.name(),
        version,
        last - first + 1,
        n[0],
        n[1],
        n[2],
        n[3],
        n[4],
        n[5],
        n[6],
        n[7],
        firstFailure);
  }

  private static String firstInvalid(List<CheckResult> verdicts) {
    for (CheckResult r : verdicts) {
      if (r.verdict() == Verdict.INVALID) {
        return r.checker() + ": " + r.explanation();
      }
    }
    return "";
  }

  /** Prints {@code rows} as a Markdown table, then each peer's first failure. */
  public static void print(List<Row> rows, PrintStream out) {
    out.println(
        "| peer | version | runs | failed | converged | calendar anomalies | bytes/change"
            + " | apply µs/call in peer | overhead µs/call |");
    out.println("|---|---|---|---|---|---|---|---|---|");
    for (Row r : rows) {
      double calls = Math.max(1, r.applyCalls());
      out.printf(
          Locale.ROOT,
          "| %s | %s | %d | %d | %d | %d | %.0f | %.1f | %.1f |%n",
          r.peer(),
          r.version(),
          r.runs(),
          r.failed(),
          r.converged(),
          r.calendarAnomalies(),
          r.changes() == 0 ? 0.0 : (double) r.bytes() / r.changes(),
          r.applyPeerNanos() / calls / 1000,
          (r.applyRoundTripNanos() - r.applyPeerNanos()) / calls / 1000);
    }
    for (Row r : rows) {
      if (!r.firstFailure().isEmpty()) {
        out.println("- " + r.peer() + ": " + r.firstFailure());
      }
    }
  }

  /** {@code FIRST LAST [PROFILE] [PEER...]}: prints the table for those seeds. */
  public static void main(String[] args) {
    long first = Long.parseLong(args[0]);
    long last = Long.parseLong(args[1]);
    Profile profile = args.length > 2 ? Profile.parse(args[2]) : Profile.DEFAULT;
    List<String> peers =
        args.length > 3 ? List.of(args).subList(3, args.length) : PeerSpec.BUILT_IN;
    print(rows(peers, profile, first, last), System.out);
  }
}
