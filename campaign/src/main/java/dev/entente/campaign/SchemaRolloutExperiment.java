package dev.entente.campaign;

import dev.entente.campaign.report.Stats;
import dev.entente.campaign.report.TableBuilder;
import dev.entente.model.check.KvHistoryIndex;
import dev.entente.reports.ReportDocument.Section;
import dev.entente.reports.ReportDocument.Table;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.driver.SimulationRunner;
import dev.entente.simulations.schema.RolloutObservation;
import dev.entente.simulations.schema.RolloutRecord;
import dev.entente.simulations.sync.SyncKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A schema rollout under every fault ({@code rollout} profile, issue 12), per sync protocol:
 * convergence time and bytes while machines upgrade through the calendar chain, and the data old
 * replicas keep for newer ones; plus a lens-safety table measured by {@link LensSafety} (which lens
 * kinds stay convergent, oracle-exact, lossless and invariant-preserving when a write under the old
 * schema races a write under the new one).
 */
final class SchemaRolloutExperiment extends SimulatedExperiment<SchemaRolloutMetrics> {
  static final String ID = "schema-rollout";

  /** Runs per race in the lens-safety table. */
  static final int RACE_RUNS = 30;

  SchemaRolloutExperiment(CampaignPlan plan) {
    super(plan, ID, SchemaRolloutMetrics.class);
  }

  @Override
  Map<String, Variant> variants() {
    Map<String, Variant> out = new LinkedHashMap<>();
    for (SyncKind s : List.of(SyncKind.OP, SyncKind.STATE, SyncKind.DELTA)) {
      out.put(s.optionName(), new Variant(Profile.ROLLOUT, Overrides.NONE.withSync(s)));
    }
    return out;
  }

  @Override
  SchemaRolloutMetrics measure(
      SimRun run, RunSpec spec, SimulationRunner.Result result, KvHistoryIndex index) {
    RolloutRecord r = result.outcome().rollout();
    int latest = r.chain() == null ? 0 : r.chain().latest();
    long newer = 0;
    long opaque = 0;
    for (RolloutObservation o : r.finals()) {
      if (o.version() < latest) {
        newer += o.log().stream().filter(c -> c.schemaVersion() > o.version()).count();
        opaque += o.own().opaque().size();
      }
    }
    return new SchemaRolloutMetrics(
        run,
        result.outcome().stats().convergenceTicks(),
        result.outcome().stats().bytes(),
        r.upgrades(),
        r.neverUpgraded(),
        newer,
        opaque);
  }

  /** One sync protocol's row of the rollout table. */
  record Row(
      String sync,
      long runs,
      long passed,
      @Nullable Long convergenceTicksMedian,
      @Nullable Long bytesMedian,
      long upgrades,
      long neverUpgraded,
      long newerChangesAtOld,
      long opaqueAtOld) {
    static Row of(VariantRuns<SchemaRolloutMetrics> v) {
      return new Row(
          v.variant(),
          v.count(),
          v.runsWhere(m -> m.run().passed()),
          Stats.percentile(v.values(SchemaRolloutMetrics::convergenceTicks), 50),
          Stats.percentile(v.values(SchemaRolloutMetrics::bytes), 50),
          v.sum(SchemaRolloutMetrics::upgrades),
          v.sum(SchemaRolloutMetrics::neverUpgraded),
          v.sum(SchemaRolloutMetrics::newerChangesAtOld),
          v.sum(SchemaRolloutMetrics::opaqueAtOld));
    }
  }

  @Override
  public ExperimentReport aggregate(List<RunRecord> records) {
    List<VariantRuns<SchemaRolloutMetrics>> by = byVariant(records);
    List<Row> rows = new ArrayList<>(rowsByVariant(by, Row::of).values());
    List<LensSafety.Tally> races = LensSafety.all(RACE_RUNS);
    List<Replay> picks = new ArrayList<>();
    for (VariantRuns<SchemaRolloutMetrics> v : by) {
      picks.add(
          pick(
              v.maxBy(SchemaRolloutMetrics::newerChangesAtOld),
              v.variant() + " run whose old" + " replicas kept the most newer changes"));
    }
    Section section =
        new Section(
            ID,
            "Schema rollout",
            "Do replicas on different schema versions keep converging and lose nothing while an"
                + " application upgrades one machine at a time, and which lens kinds are safe"
                + " when an old and a new write race?",
            "rollout profile: 3-5 replicas on the calendar chain (rename + split, convert + add,"
                + " rename + remove), each upgrading at seeded ticks (1 in 4 never), LWW over"
                + " HLC, every fault family on; one variant per sync protocol. "
                + seedText()
                + ". Lens safety: "
                + RACE_RUNS
                + " two-replica races per lens kind.",
            List.of(table(rows), safetyTable(races), ExperimentReport.replayTable(picks)),
            List.of(),
            findings(rows, races));
    return new ExperimentReport(section, ExperimentReport.present(picks));
  }

  private static Table table(List<Row> rows) {
    return TableBuilder.<Row>titled("Rollout per sync protocol")
        .column("sync", Row::sync)
        .column("runs", Row::runs)
        .column("passed every checker", Row::passed)
        .column("convergence ticks (median)", Row::convergenceTicksMedian)
        .column("bytes (median)", Row::bytesMedian)
        .column("upgrades", Row::upgrades)
        .column("machines never upgraded", Row::neverUpgraded)
        .column("newer changes kept by old replicas", Row::newerChangesAtOld)
        .column("keys opaque to old replicas", Row::opaqueAtOld)
        .notes(
            "Newer changes kept: changes written under a newer version than the final replica"
                + " holding them runs, kept as written (and forwarded) though that replica reads"
                + " them only through the lenses it knows; opaque: keys its own view cannot"
                + " type.")
        .build(rows);
  }

  private static Table safetyTable(List<LensSafety.Tally> races) {
    return TableBuilder.<LensSafety.Tally>titled("Lens safety under concurrency")
        .column("race", t -> t.race().description)
        .column("runs", LensSafety.Tally::runs)
        .column("converged at every version", LensSafety.Tally::converged)
        .column("equal to the oracle", LensSafety.Tally::oracleAgrees)
        .column("both writes kept", LensSafety.Tally::kept)
        .column("invariants hold", LensSafety.Tally::invariantHolds)
        .column("safe", t -> t.safe() ? "yes" : "no")
        .notes(
            "Two impl replicas, one per version, make concurrent writes, exchange them and are"
                + " read at all four versions; which write wins varies with the run.")
        .build(races);
  }

  private static String findings(List<Row> rows, List<LensSafety.Tally> races) {
    long runs = rows.stream().mapToLong(Row::runs).sum();
    long passed = rows.stream().mapToLong(Row::passed).sum();
    long kept = rows.stream().mapToLong(Row::newerChangesAtOld).sum();
    List<String> unsafe = new ArrayList<>();
    for (LensSafety.Tally t : races) {
      if (!t.safe()) {
        unsafe.add(
            t.race().description
                + " (invariant held in "
                + t.invariantHolds()
                + " of "
                + t.runs()
                + ")");
      }
    }
    return String.format(
        Locale.ROOT,
        "%s of %s rollout runs passed every checker; old replicas kept %s changes written under"
            + " newer versions and handed them on intact. Unsafe races: %s.",
        passed,
        runs,
        kept,
        unsafe.isEmpty() ? "none" : String.join("; ", unsafe));
  }
}
