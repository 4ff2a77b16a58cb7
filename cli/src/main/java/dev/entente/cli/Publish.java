package dev.entente.cli;

import dev.entente.simulations.campaign.Campaign;
import dev.entente.simulations.campaign.RunRecord;
import dev.entente.simulations.campaign.Section;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The end of a campaign, shared by {@code run} and {@code report merge}: writes {@code runs.jsonl},
 * aggregates the records into {@code results.json}, renders the report, and prints each
 * experiment's representative replay commands and where the report is. Stateless.
 */
final class Publish {
  private Publish() {}

  /** Returns the exit status: 0, or 1 if the report could not be rendered. */
  static int write(
      Path dir,
      CampaignOptions o,
      Machine machine,
      List<RunRecord> records,
      PrintStream out,
      PrintStream err)
      throws IOException {
    CampaignFiles.writeRuns(dir, records);
    List<Section> sections = Campaign.aggregate(o.plan(), records);
    Path results = CampaignFiles.writeResults(dir, o, machine, sections);
    for (Section s : sections) {
      out.println(s.id() + ": " + s.findings());
      for (Section.Table t : s.tables()) {
        if (t.columns().contains("command")) {
          int c = t.columns().indexOf("command");
          for (List<Object> row : t.rows()) {
            out.println("  replay (" + row.get(2) + "): " + row.get(c));
          }
        }
      }
    }
    String problem = CampaignFiles.render(results);
    if (problem != null) {
      err.println("entente: results are in " + results + " but the report failed: " + problem);
      return EntenteCommand.EXIT_FAILED;
    }
    out.println("report: " + dir.resolve("index.html") + " and " + dir.resolve("report.md"));
    return 0;
  }
}
