package dev.entente.campaign;

import dev.entente.campaign.report.Stats;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The peers section's findings, written from its rows: which peers ran and which were unavailable
 * (and why), verdicts and convergence, the impossible calendar states, and the extremes of bytes
 * per change and of overhead against time inside the peer. No verdict is written in advance: every
 * sentence follows from the figures. Stateless.
 */
final class PeersFindings {
  private PeersFindings() {}

  /** The findings paragraph. */
  static String text(List<PeersRow> rows) {
    List<PeersRow> ran = rows.stream().filter(PeersRow::ran).toList();
    List<String> out = new ArrayList<>();
    out.add(ran.size() + " of " + rows.size() + " peers ran" + names(ran) + ".");
    for (PeersRow r : rows) {
      if (!r.ran()) {
        out.add(
            r.peer()
                + ": "
                + r.status()
                + (r.reason().isEmpty() ? "" : " (" + r.reason() + ")")
                + ".");
      }
    }
    if (ran.isEmpty()) {
      return String.join(" ", out);
    }
    out.add(verdicts(ran));
    out.add(anomalies(ran));
    List<PeersRow> bytes = PeersSection.by(ran, PeersRow::bytesPerChange);
    if (bytes.size() > 1) {
      PeersRow least = bytes.get(0);
      PeersRow most = bytes.get(bytes.size() - 1);
      out.add(
          "On the wire "
              + least.peer()
              + " is the most compact ("
              + Stats.text(least.bytesPerChange())
              + " bytes per change) and "
              + most.peer()
              + " the least ("
              + Stats.text(most.bytesPerChange())
              + ").");
    }
    List<PeersRow> overhead = PeersSection.by(ran, PeersFindings::overheadShare);
    if (!overhead.isEmpty()) {
      PeersRow top = overhead.get(overhead.size() - 1);
      out.add(
          "The protocol's overhead weighs most on "
              + top.peer()
              + ": "
              + Stats.text(top.overheadMicrosPerCall())
              + " µs per call beside "
              + Stats.text(top.peerMicrosPerCall())
              + " µs inside the peer (no-op round trip "
              + Stats.text(top.noOpMicros())
              + " µs).");
    }
    return String.join(" ", out);
  }

  private static String verdicts(List<PeersRow> ran) {
    List<String> failing = new ArrayList<>();
    long runs = 0;
    long converged = 0;
    for (PeersRow r : ran) {
      runs += r.count();
      converged += r.converged();
      VariantRuns.Run<PeersMetrics> first = r.firstFailure();
      if (r.failing() > 0) {
        failing.add(
            r.peer()
                + " failed "
                + r.failing()
                + " of "
                + r.count()
                + (first == null
                    ? " (crashed)"
                    : " (first: seed " + first.seed() + ", " + first.metrics().failure() + ")"));
      }
    }
    String head = converged + " of " + runs + " runs converged; ";
    return head
        + (failing.isEmpty() ? "no peer failed a verdict." : String.join("; ", failing) + ".");
  }

  private static String anomalies(List<PeersRow> ran) {
    List<String> with = new ArrayList<>();
    for (PeersRow r : ran) {
      if (r.calendarAnomalies() > 0) {
        with.add(r.peer() + " " + r.calendarAnomalies());
      }
    }
    if (with.isEmpty()) {
      return "No peer showed an impossible calendar state.";
    }
    return (with.size() == ran.size() ? "Every peer" : with.size() + " peers")
        + " showed impossible calendar states (reads: "
        + String.join(", ", with)
        + "): each resolves every key on its own, so two concurrent edits of one end of an event"
        + " can combine into a state no client wrote.";
  }

  private static @Nullable Double overheadShare(PeersRow r) {
    Double overhead = r.overheadMicrosPerCall();
    Double inPeer = r.peerMicrosPerCall();
    return overhead == null || inPeer == null ? null : overhead / Math.max(1e-3, inPeer);
  }

  private static String names(List<PeersRow> rows) {
    List<String> names = new ArrayList<>();
    rows.forEach(r -> names.add(r.peer()));
    return names.isEmpty() ? "" : " (" + String.join(", ", names) + ")";
  }
}
