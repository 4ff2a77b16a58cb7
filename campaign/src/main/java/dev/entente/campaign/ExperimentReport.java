package dev.entente.campaign;

import dev.entente.campaign.report.TableBuilder;
import dev.entente.reports.ReportDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * What aggregating one experiment gives: its section of the results document and the representative
 * runs it names (which {@code entente run} also prints). Immutable.
 *
 * @param section the section, in the schema {@code reports} reads
 * @param replays the representative runs, in the order of the section's replay table
 */
public record ExperimentReport(ReportDocument.Section section, List<Replay> replays) {
  /** Copies the list. */
  public ExperimentReport {
    replays = List.copyOf(replays);
  }

  /** The replay table of {@code picks}, skipping the null ones (nothing to show). */
  static ReportDocument.Table replayTable(List<Replay> picks) {
    return TableBuilder.<Replay>titled("Replay a representative run")
        .column("variant", Replay::variant)
        .column("seed", Replay::seed)
        .column("why this run", Replay::why)
        .column("command", Replay::command)
        .notes(
            "Each command reruns one simulated run exactly (same seed, same options, same trace).")
        .build(present(picks));
  }

  /** The non-null picks, in order. */
  static List<Replay> present(List<Replay> picks) {
    List<Replay> out = new ArrayList<>();
    for (Replay r : picks) {
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }
}
