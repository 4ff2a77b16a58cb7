package dev.entente.campaign;

import dev.entente.campaign.report.BarChart;
import dev.entente.campaign.report.Stats;
import dev.entente.campaign.report.TableBuilder;
import dev.entente.reports.ReportDocument.Chart;
import dev.entente.reports.ReportDocument.Section;
import dev.entente.reports.ReportDocument.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The peers section from its typed rows ({@link PeersRow}): one table row per peer, the replay of
 * each peer's first failing run and of its run with the most calendar anomalies, bar charts per
 * peer, and findings written from the same rows. Stateless.
 */
final class PeersSection {
  private PeersSection() {}

  /** The section for {@code rows} (in peer order), with the setup text. */
  static ExperimentReport report(List<PeersRow> rows, String setup) {
    List<Replay> replays = new ArrayList<>();
    for (PeersRow r : rows) {
      VariantRuns.Run<PeersMetrics> failed = r.firstFailure();
      if (failed != null) {
        replays.add(failed.replay("first run failing a verdict: " + failed.metrics().failure()));
      }
      VariantRuns.Run<PeersMetrics> worst = r.mostAnomalies();
      if (worst != null) {
        replays.add(
            worst.replay(
                "most impossible calendar states ("
                    + Stats.plural(worst.metrics().calendarAnomalies(), "read")
                    + ")"));
      }
    }
    Section section =
        new Section(
            PeersExperiment.ID,
            "Other CRDTs under the same faults",
            "Do Automerge, Yjs and Loro converge under the faults Entente's own replica sees, which"
                + " impossible states do they show, and what does each cost on the wire and per"
                + " change?",
            setup,
            List.of(table(rows), ExperimentReport.replayTable(replays)),
            charts(ran(rows)),
            PeersFindings.text(rows));
    return new ExperimentReport(section, replays);
  }

  private static Table table(List<PeersRow> rows) {
    return TableBuilder.<PeersRow>titled("Peers: verdicts, anomalies, bytes and apply time")
        .column("peer", PeersRow::peer)
        .column("version", PeersRow::version)
        .column("status", PeersRow::status)
        .column("runs", PeersRow::count)
        .column("failing", PeersRow::failing)
        .column("converged", PeersRow::converged)
        .column("calendar anomalies", PeersRow::calendarAnomalies)
        .column("bytes/change", PeersRow::bytesPerChange)
        .column("apply µs/call in peer", PeersRow::peerMicrosPerCall)
        .column("overhead µs/call", PeersRow::overheadMicrosPerCall)
        .column("no-op round trip µs", PeersRow::noOpMicros)
        .notes(
            "Failing counts runs that broke a verdict (replica protocol, eventual and strong"
                + " convergence, session guarantees, no causally later write lost, no"
                + " resurrection) or crashed. Calendar anomalies are reads showing an event that"
                + " ends before it starts: counted, not judged (a per-key LWW map allows them)."
                + " Bytes/change: every sync message's bytes over the run divided by the changes"
                + " made (version 1 sends whole states, so it grows with the run). Apply time is"
                + " per transact or sync-in: in peer is what the peer reported, overhead the rest"
                + " of the round trip (JSON, base64, pipes, the child process); the no-op round"
                + " trip is the median of "
                + PeersExperiment.NO_OP_CALLS
                + " state requests to an empty replica. Times are real and depend on the"
                + " machine's load; the counts are functions of the seeds.")
        .build(rows);
  }

  private static List<PeersRow> ran(List<PeersRow> rows) {
    return rows.stream().filter(PeersRow::ran).toList();
  }

  private static List<Chart> charts(List<PeersRow> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    return List.of(
        bar(
            "Bytes on the wire per change",
            "bytes",
            "bytes/change",
            PeersRow::bytesPerChange,
            rows),
        BarChart.<PeersRow>titled("Apply time per call", "peer", "µs")
            .series("in peer", PeersRow::peerMicrosPerCall)
            .series("overhead", PeersRow::overheadMicrosPerCall)
            .series("no-op round trip", PeersRow::noOpMicros)
            .build(rows, PeersRow::peer),
        bar(
            "Impossible calendar states",
            "reads",
            "calendar anomalies",
            r -> (double) r.calendarAnomalies(),
            rows));
  }

  private static Chart bar(
      String title,
      String yLabel,
      String series,
      Function<PeersRow, Double> value,
      List<PeersRow> rows) {
    return BarChart.<PeersRow>titled(title, "peer", yLabel)
        .series(series, value)
        .build(rows, PeersRow::peer);
  }

  /** The ran rows ordered by {@code f}, smallest first (rows where it is null left out). */
  static List<PeersRow> by(List<PeersRow> rows, Function<PeersRow, Double> f) {
    List<PeersRow> out = new ArrayList<>();
    for (PeersRow r : rows) {
      if (r.ran() && f.apply(r) != null) {
        out.add(r);
      }
    }
    out.sort(Comparator.comparingDouble(r -> value(f, r)));
    return out;
  }

  static double value(Function<PeersRow, Double> f, PeersRow r) {
    Double v = f.apply(r);
    return v == null ? 0 : v;
  }
}
