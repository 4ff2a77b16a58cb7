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
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The benchmarks section, from the records {@link BenchStep} makes of the bench module's {@code
 * ratios.json} and {@code simulator.json} (experiment {@value #ID}): one {@link BenchRatioMetrics}
 * per ratio row, one {@link SimulatorBenchMetrics} per simulator row and one {@link StepStatus}.
 * Stateless.
 */
public final class BenchmarksSection {
  /** The section id and the records' experiment. */
  public static final String ID = "benchmarks";

  /** The title of the simulator table. */
  static final String SIMULATOR_TABLE = "Simulator, default profile, one core";

  // Appended to the setup only when the peers suite ran, so that runs without it read as before.
  private static final String PEERS_SETUP =
      " Issue 13, on the public API beside the peers in one run: Entente LWW <= 0.5x Pekko's"
          + " time for 100,000 puts and MV <= 0.7x; merge <= 0.2x Pekko's for LWW and <= 0.4x for"
          + " MV; HLC now() <= 1.1x currentTimeMillis(). The apply and merge ratios above them are"
          + " map-level micro-benchmarks (LwwMap.apply, LwwMap.mergeFrom), not the public API.";

  private BenchmarksSection() {}

  private record Ratio(int index, BenchRatioMetrics m) {
    String category() {
      return m.label() + (m.params().isEmpty() ? "" : " " + m.params());
    }

    double ratio() {
      return Stats.round2(m.ratio());
    }

    boolean targeted() {
      return !m.verdict().equals("-");
    }

    String miss() {
      String params = m.params().isEmpty() ? "" : " (" + m.params() + ")";
      return m.label() + params + ": " + Stats.text(ratio()) + "x";
    }
  }

  /** The section from every record of the campaign (others are ignored). */
  public static ExperimentReport aggregate(List<RunRecord> records) {
    List<Ratio> rows = new ArrayList<>();
    List<SimulatorBenchMetrics> simulator = new ArrayList<>();
    List<ScalingMetrics> scaling = new ArrayList<>();
    List<PeerBytesMetrics> bytes = new ArrayList<>();
    StepStatus status = null;
    for (RunRecord r : records) {
      if (r.experiment().equals(ID) && r.metrics() instanceof StepStatus s) {
        status = s;
      } else if (r.experiment().equals(ID) && r.metrics() instanceof BenchRatioMetrics m) {
        rows.add(new Ratio(r.index(), m));
      } else if (r.experiment().equals(ID) && r.metrics() instanceof SimulatorBenchMetrics m) {
        simulator.add(m);
      } else if (r.experiment().equals(ID) && r.metrics() instanceof ScalingMetrics m) {
        scaling.add(m);
      } else if (r.experiment().equals(ID) && r.metrics() instanceof PeerBytesMetrics b) {
        bytes.add(b);
      }
    }
    rows.sort(Comparator.comparingInt(Ratio::index));
    List<PeersBenchTable.Row> peers = PeersBenchTable.rows(rows.stream().map(Ratio::m).toList());
    String state = status == null ? "unavailable" : status.status();
    String reason = status == null ? "no benchmark records" : status.reason();
    List<Chart> charts = new ArrayList<>();
    List<Table> tables = new ArrayList<>();
    if (!peers.isEmpty()) {
      tables.add(PeersBenchTable.table(peers));
      charts.add(PeersBenchTable.chart(peers));
    }
    if (!bytes.isEmpty()) {
      tables.add(PeersBenchTable.bytesTable(bytes));
    }
    tables.add(table(rows));
    CheckerBenchTable.addTo(tables, rows.stream().map(Ratio::m).toList());
    if (!rows.isEmpty()) {
      charts.add(
          BarChart.<Ratio>titled("Ratio to baseline", "ratio", "x")
              .series("ratio", Ratio::ratio)
              .build(rows, Ratio::category));
    }
    addSuiteTables(tables, charts, simulator, scaling);
    Section section =
        new Section(
            ID,
            "Benchmarks",
            "Are the hot paths within their targets of the plain-Java floor and faster than the"
                + " peer?",
            "JMH via the bench module's BenchRunner in a child JVM ("
                + (status == null || status.mode() == null ? "not run" : status.mode())
                + "); targets from issue 5: HLC now() <= 1.1x currentTimeMillis(), apply and merge"
                + " <= 2x the HashMap floor, Pekko LWWMap merge >= 5x Entente's merge time."
                + (peers.isEmpty() ? "" : PEERS_SETUP)
                + (rows.isEmpty() ? " Status: " + state + " (" + reason + ")." : ""),
            tables,
            charts,
            (rows.isEmpty()
                    ? "No benchmark figures in this run (" + state + ": " + reason + ")."
                    : findings(rows) + PeersBenchTable.findings(peers))
                + simulatorFindings(simulator)
                + (scaling.isEmpty() ? "" : ScalingTables.findings(scaling)));
    return new ExperimentReport(section, List.of());
  }

  /** The simulator and scaling suites' own tables (and chart), when they ran. */
  private static void addSuiteTables(
      List<Table> tables,
      List<Chart> charts,
      List<SimulatorBenchMetrics> simulator,
      List<ScalingMetrics> scaling) {
    if (!simulator.isEmpty()) {
      tables.add(simulatorTable(simulator));
    }
    if (!scaling.isEmpty()) {
      tables.add(ScalingTables.table(scaling));
      charts.add(ScalingTables.chart(scaling));
    }
  }

  private static Table table(List<Ratio> rows) {
    return TableBuilder.<Ratio>titled("Ratios to baselines and peers")
        .column("ratio", r -> r.m().label())
        .column("params", r -> r.m().params())
        .column("subject (ns/op)", r -> Stats.round2(r.m().subjectNanosPerOp()))
        .column("baseline (ns/op)", r -> Stats.round2(r.m().baselineNanosPerOp()))
        .column("ratio (x)", Ratio::ratio)
        .column("target", r -> r.m().target())
        .column("verdict", r -> r.m().verdict())
        .notes(
            "Subject time divided by baseline time, measured side by side in one JMH run. Pekko"
                + " LWWMap merge / Entente merge is how many times faster Entente is.")
        .build(rows);
  }

  private static Table simulatorTable(List<SimulatorBenchMetrics> rows) {
    return TableBuilder.<SimulatorBenchMetrics>titled(SIMULATOR_TABLE)
        .column("policy", SimulatorBenchMetrics::policy)
        .column("runs per minute", r -> Math.round(r.runsPerMinute()))
        .column("+- (runs/min)", r -> Math.round(r.runsPerMinuteError()))
        .column("events per second", r -> Math.round(r.eventsPerSecond()))
        .notes(
            "SimulatorBenchmark: complete default-profile runs (seeds 1-64 in turn, trace hash"
                + " included) on one thread, so per core. Target (issue 13): 300,000 events per"
                + " second per core.")
        .build(rows);
  }

  private static String simulatorFindings(List<SimulatorBenchMetrics> rows) {
    return rows.isEmpty() ? "" : " " + headline(rows.get(0));
  }

  private static String headline(SimulatorBenchMetrics m) {
    return String.format(
        Locale.ROOT,
        "The simulator ran %d complete default-profile runs per minute on one core (%s, %d events"
            + " per second; target 300,000).",
        Math.round(m.runsPerMinute()),
        m.policy(),
        Math.round(m.eventsPerSecond()));
  }

  /**
   * The campaign summary's sentence on the simulator: complete default-profile runs per minute of
   * the first simulator row in {@code records}, or null if the benchmarks measured no simulator.
   */
  static @Nullable String summary(List<RunRecord> records) {
    for (RunRecord r : records) {
      if (r.experiment().equals(ID) && r.metrics() instanceof SimulatorBenchMetrics m) {
        return headline(m);
      }
    }
    return null;
  }

  private static String findings(List<Ratio> rows) {
    long targets = rows.stream().filter(Ratio::targeted).count();
    long met = rows.stream().filter(r -> r.m().verdict().equals("met")).count();
    List<String> missed = new ArrayList<>();
    rows.stream()
        .filter(r -> r.targeted() && !r.m().verdict().equals("met"))
        .forEach(r -> missed.add(r.miss()));
    return String.format(
        Locale.ROOT,
        "%s of %s targeted ratios met their target in this run.%s On 2 cores only ratios"
            + " within one run mean anything; the quick mode's short iterations make them"
            + " noisy, so confirm a miss with --full before acting on it.",
        met,
        targets,
        missed.isEmpty() ? "" : " Missed: " + String.join("; ", missed) + ".");
  }
}
