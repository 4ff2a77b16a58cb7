package dev.entente.campaign;

import dev.entente.campaign.report.BarChart;
import dev.entente.campaign.report.Stats;
import dev.entente.campaign.report.TableBuilder;
import dev.entente.reports.ReportDocument.Chart;
import dev.entente.reports.ReportDocument.Section;
import dev.entente.reports.ReportDocument.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Jepsen section, from the records {@link JepsenStep} makes (experiment {@value #ID}): the
 * run's size, the faults injected, the verdict and anomalies, the history's size and the command
 * that reruns it; or, with no run, its status and why. Stateless.
 */
public final class JepsenSection {
  /** The section id and the records' experiment. */
  public static final String ID = "jepsen";

  /** The variant of the run's record. */
  static final String VARIANT = "run";

  private JepsenSection() {}

  /** The section from every record of the campaign (others are ignored). */
  public static ExperimentReport aggregate(List<RunRecord> records) {
    List<JepsenMetrics> runs = new ArrayList<>();
    List<Replay> replays = new ArrayList<>();
    StepStatus status = null;
    for (RunRecord r : records) {
      if (!r.experiment().equals(ID)) {
        continue;
      }
      if (r.metrics() instanceof JepsenMetrics m) {
        runs.add(m);
        String why = m.verdict() + " with " + Stats.plural(m.faultCount(), "fault");
        replays.add(new Replay(VARIANT, r.seed(), why, m.replay()));
      } else if (r.metrics() instanceof StepStatus s) {
        status = s;
      }
    }
    String state = status == null ? "not run" : status.status();
    String reason =
        status == null || status.reason() == null ? "no Jepsen records" : status.reason();
    Section section =
        new Section(
            ID,
            "Real processes under real faults (Jepsen)",
            "Do real node processes on real sockets, killed, paused, partitioned and skewed, still"
                + " converge without losing an acknowledged write?",
            "entente jepsen (docs/jepsen.md): a Netty relay and N node JVMs on loopback with SQLite"
                + " storage, one client per node, one fault at a time, then heal and check with the"
                + " simulator's checkers. The seed fixes the clients' and the nemesis' choices; the"
                + " processes' timing is real, so a rerun is the same test, not the same history."
                + (runs.isEmpty() ? " Status: " + state + " (" + reason + ")." : ""),
            List.of(table(runs), rerunTable(replays)),
            charts(runs),
            findings(runs, state, reason));
    return new ExperimentReport(section, replays);
  }

  private static Table table(List<JepsenMetrics> runs) {
    return TableBuilder.<JepsenMetrics>titled("Jepsen run")
        .column("nodes", JepsenMetrics::nodes)
        .column("seconds", JepsenMetrics::seconds)
        .column("protocol", JepsenMetrics::protocol)
        .column("fault families", JepsenMetrics::faultFamilies)
        .column("faults injected", m -> faultText(m.faults()))
        .column("kills", m -> m.faults().getOrDefault("kill", 0L))
        .column("client ops", JepsenMetrics::clientOps)
        .column("history ops", JepsenMetrics::historyOps)
        .column("verdict", JepsenMetrics::verdict)
        .column(
            "anomalies", m -> m.anomalies().isEmpty() ? "none" : String.join("; ", m.anomalies()))
        .column("run directory", JepsenMetrics::dir)
        .build(runs);
  }

  private static Table rerunTable(List<Replay> replays) {
    return TableBuilder.<Replay>titled("Rerun the test")
        .column("seed", Replay::seed)
        .column("outcome", Replay::why)
        .column("command", Replay::command)
        .notes(
            "The same seed makes the same client and nemesis choices; the processes' timing is"
                + " real, so a rerun is the same test with its own history.")
        .build(replays);
  }

  private static List<Chart> charts(List<JepsenMetrics> runs) {
    if (runs.isEmpty()) {
      return List.of();
    }
    JepsenMetrics m = runs.get(0);
    return List.of(
        BarChart.<Map.Entry<String, Long>>titled("Faults injected by family", "family", "windows")
            .series("faults", e -> (double) e.getValue())
            .build(new ArrayList<>(m.faults().entrySet()), Map.Entry::getKey));
  }

  static String faultText(Map<String, Long> faults) {
    List<String> parts = new ArrayList<>();
    faults.forEach((k, v) -> parts.add(k + " " + v));
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  private static String findings(List<JepsenMetrics> runs, String state, String reason) {
    if (runs.isEmpty()) {
      return "No Jepsen run in this campaign (" + state + ": " + reason + ").";
    }
    List<String> out = new ArrayList<>();
    for (JepsenMetrics m : runs) {
      out.add(
          m.verdict()
              + ": "
              + m.nodes()
              + " nodes for "
              + m.seconds()
              + " s, "
              + m.faultCount()
              + " faults injected ("
              + faultText(m.faults())
              + "), "
              + m.clientOps()
              + " client ops in a history of "
              + m.historyOps()
              + " ops; "
              + (m.anomalies().isEmpty()
                  ? "every checker passed."
                  : m.anomalies().size()
                      + " checkers did not pass: "
                      + String.join("; ", m.anomalies())
                      + "."));
    }
    return String.join(" ", out);
  }
}
