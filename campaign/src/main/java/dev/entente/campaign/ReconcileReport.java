package dev.entente.campaign;

import dev.entente.campaign.report.Stats;
import dev.entente.campaign.report.TableBuilder;
import dev.entente.impl.sync.ReconcileProtocol;
import dev.entente.reports.ReportDocument.Chart;
import dev.entente.reports.ReportDocument.ChartKind;
import dev.entente.reports.ReportDocument.Section;
import dev.entente.reports.ReportDocument.Series;
import dev.entente.reports.ReportDocument.Table;
import dev.entente.simulations.sync.SyncKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * The reconcile experiment's section: the table of round trips and bytes by protocol and D with its
 * two charts, the poisoned Bloom table, the simulated sync kinds' table, and findings computed from
 * the same rows. Stateless.
 */
final class ReconcileReport {
  private ReconcileReport() {}

  /** One in-memory reconciliation, as the tables show it. */
  record Cell(String variant, ReconcileMetrics m) {
    @Nullable Double bytesPerDifference() {
      return Stats.ratio(m.bytes(), m.missing());
    }

    @Nullable Double claimedPercent() {
      return Stats.percent(m.poisonedClaimed(), m.poisoned());
    }
  }

  static ExperimentReport of(
      ReconcileExperiment e, List<RunRecord> records, List<VariantRuns<SyncMetrics>> by) {
    Map<String, Cell> cells = new LinkedHashMap<>();
    for (RunRecord r : records) {
      if (r.experiment().equals(ReconcileExperiment.ID)
          && r.metrics() instanceof ReconcileMetrics m) {
        cells.put(r.variant(), new Cell(r.variant(), m));
      }
    }
    List<Cell> table = new ArrayList<>();
    List<Cell> poison = new ArrayList<>();
    cells.values().forEach(c -> (c.variant().startsWith("table/") ? table : poison).add(c));
    Map<String, SyncExperiment.Row> sims =
        SimulatedExperiment.rowsByVariant(by, SyncExperiment.Row::of);
    List<Replay> picks = new ArrayList<>();
    for (VariantRuns<SyncMetrics> v : by) {
      picks.add(
          SimulatedExperiment.pick(
              v.maxBy(m -> m.convergenceTicks() == null ? -1 : m.convergenceTicks()),
              "slowest convergence under faults"));
    }
    Section section =
        new Section(
            ReconcileExperiment.ID,
            "Set reconciliation: round trips, bytes, poisoning, and the simulated sync kinds",
            "What do RBSR, the Merkle tree, IBLT, Bloom sync and version vectors cost as the"
                + " difference grows; what do mined ids do to Bloom sync; and do the reconcilers"
                + " converge as the simulator's anti-entropy under faults?",
            "In memory: two stores sharing N = "
                + String.format(Locale.ROOT, "%,d", e.items())
                + " items, the responder holding D more (seed "
                + e.plan.firstSeed()
                + "); poisoned: D = "
                + ReconcileMeasure.POISON_MISSING
                + " honest changes and K changes mined with up to 512 nonces each against the"
                + " initiator's unkeyed filter. Simulated: the default profile, LWW, sync fixed"
                + " per variant, "
                + e.seeds()
                + ".",
            List.of(
                costTable(table),
                poisonTable(poison),
                simTable(new ArrayList<>(sims.values())),
                ExperimentReport.replayTable(picks)),
            charts(table),
            ReconcileFindings.of(table, poison, sims));
    return new ExperimentReport(section, ExperimentReport.present(picks));
  }

  private static Table costTable(List<Cell> rows) {
    return TableBuilder.<Cell>titled("Round trips and bytes by protocol and D")
        .column("protocol", c -> c.m().protocol())
        .column("N", c -> c.m().items())
        .column("D", c -> c.m().missing())
        .column("round trips", c -> c.m().roundTrips())
        .column("bytes", c -> c.m().bytes())
        .column("bytes per difference", Cell::bytesPerDifference)
        .column("frames", c -> c.m().frames())
        .notes(
            "Bytes count every protocol byte both ways except the missing changes' payloads;"
                + " a batch that only carries changes counts as a one-way trip.")
        .build(rows);
  }

  private static Table poisonTable(List<Cell> rows) {
    return TableBuilder.<Cell>titled("Bloom sync with mined ids (poisoning)")
        .column("filter", c -> c.m().protocol().equals("bloom") ? "unkeyed" : "keyed")
        .column("K mined", c -> c.m().poisoned())
        .column("mined ids claimed", c -> c.m().poisonedClaimed())
        .column("false positives (%)", Cell::claimedPercent)
        .column("round trips", c -> c.m().roundTrips())
        .column("bytes", c -> c.m().bytes())
        .build(rows);
  }

  private static Table simTable(List<SyncExperiment.Row> rows) {
    return TableBuilder.<SyncExperiment.Row>titled("Sync kinds in the simulator, default faults")
        .column("sync", SyncExperiment.Row::sync)
        .column("runs", SyncExperiment.Row::runs)
        .column("runs failing a check", SyncExperiment.Row::failing)
        .column("changes", SyncExperiment.Row::changes)
        .column("messages per change", SyncExperiment.Row::messagesPerChange)
        .column("bytes per change", SyncExperiment.Row::bytesPerChange)
        .column("convergence p50 (ticks)", SyncExperiment.Row::p50)
        .column("p90", SyncExperiment.Row::p90)
        .column("max", SyncExperiment.Row::max)
        .column("runs not converged", SyncExperiment.Row::unconverged)
        .build(rows);
  }

  private static List<Chart> charts(List<Cell> table) {
    if (table.isEmpty()) {
      return List.of();
    }
    return List.of(
        chart(table, "Bytes by D", "bytes", c -> c.m().bytes()),
        chart(table, "Round trips by D", "round trips", c -> c.m().roundTrips()));
  }

  private static Chart chart(
      List<Cell> table, String title, String unit, ToDoubleFunction<Cell> value) {
    List<String> ds = new ArrayList<>();
    ReconcileExperiment.DIFFERENCES.forEach(d -> ds.add(String.valueOf(d)));
    List<Series> series = new ArrayList<>();
    for (ReconcileProtocol p : ReconcileExperiment.PROTOCOLS) {
      List<Double> values = new ArrayList<>();
      for (String d : ds) {
        Cell c = find(table, p.cliName(), Long.parseLong(d));
        values.add(c == null ? null : value.applyAsDouble(c));
      }
      series.add(new Series(p.cliName(), values));
    }
    return new Chart(title, ChartKind.LINE, "D", unit, ds, series);
  }

  /** The cell of {@code protocol} at difference {@code d}, or null if it did not run. */
  static @Nullable Cell find(List<Cell> table, String protocol, long d) {
    for (Cell c : table) {
      if (c.m().protocol().equals(protocol) && c.m().missing() == d) {
        return c;
      }
    }
    return null;
  }

  /** The simulated row of {@code kind}, or null. */
  static SyncExperiment.@Nullable Row sim(Map<String, SyncExperiment.Row> sims, SyncKind kind) {
    return sims.get(kind.optionName() + "/faults");
  }
}
