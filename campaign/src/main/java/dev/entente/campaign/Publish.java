package dev.entente.campaign;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The end of a campaign, shared by {@code run} and {@code report merge}: writes {@code runs.jsonl},
 * aggregates the records into {@code results.json}, renders the report, and prints each
 * experiment's findings, its representative replay commands and where the report is (and, on
 * stderr, every crashed run with its replay command). Stateless.
 */
final class Publish {
  /** The exit status when the results were written but the report could not be rendered. */
  static final int RENDER_FAILED = 1;

  private Publish() {}

  /** Returns the exit status: 0, or {@link #RENDER_FAILED}. */
  static int write(
      Path dir,
      CampaignOptions o,
      Machine machine,
      List<RunRecord> records,
      PrintStream out,
      PrintStream err)
      throws IOException {
    List<RunRecord> canonical = Campaign.canonical(records);
    CampaignFiles.writeRuns(dir, canonical);
    List<ExperimentReport> reports = Campaign.aggregate(o.plan(), canonical);
    Path results =
        CampaignFiles.writeResults(dir, o, machine, reports, BenchmarksSection.summary(canonical));
    for (ExperimentReport r : reports) {
      out.println(r.section().id() + ": " + r.section().findings());
      for (Replay p : r.replays()) {
        out.println("  replay (" + p.why() + "): " + p.command());
      }
    }
    for (RunRecord r : canonical) {
      if (r.metrics() instanceof CrashedRun c) {
        String first = c.stackTrace().lines().findFirst().orElse("");
        err.println("crashed: " + r.key() + ": " + first + " (whole stack trace in runs.jsonl)");
        err.println("  replay: " + c.replay());
      }
    }
    String problem = CampaignFiles.render(results);
    if (problem != null) {
      err.println("entente: results are in " + results + " but the report failed: " + problem);
      return RENDER_FAILED;
    }
    out.println("report: " + dir.resolve("index.html") + " and " + dir.resolve("report.md"));
    return 0;
  }
}
