package dev.entente.campaign;

import dev.entente.campaign.report.BarChart;
import dev.entente.campaign.report.Stats;
import dev.entente.campaign.report.TableBuilder;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.check.KvHistoryIndex;
import dev.entente.model.check.ReplicaObservation;
import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.Keyword;
import dev.entente.model.history.KvOps;
import dev.entente.model.history.OpType;
import dev.entente.reports.ReportDocument.Chart;
import dev.entente.reports.ReportDocument.Section;
import dev.entente.reports.ReportDocument.Table;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.SimulationOutcome;
import dev.entente.simulations.driver.SimulationRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Storage and compaction: runs of the storage-backed {@code storage-faults} and {@code
 * long-offline} profiles and of the {@code compaction} profile per policy (what was acknowledged,
 * refused, restarted and quarantined, and whether anything acknowledged was lost), the bytes the
 * final state takes without GC (the change log) and with GC (the snapshot at the stable frontier),
 * and a deterministic growth workload plotting both against history length.
 */
final class StorageExperiment extends SimulatedExperiment<StorageMetrics> {
  static final String ID = "storage";

  private static final Keyword RESTART = Keyword.of("restart");
  private static final Keyword STORAGE = Keyword.of("storage");

  StorageExperiment(CampaignPlan plan) {
    super(plan, ID, StorageMetrics.class);
  }

  @Override
  Map<String, Variant> variants() {
    Map<String, Variant> out = new LinkedHashMap<>();
    for (Profile p : List.of(Profile.STORAGE_FAULTS, Profile.LONG_OFFLINE, Profile.COMPACTION)) {
      for (RegisterPolicy policy : RegisterPolicy.values()) {
        String name = p.optionName() + " " + Overrides.policyName(policy);
        out.put(name, new Variant(p, Overrides.NONE.withPolicy(policy)));
      }
    }
    return out;
  }

  @Override
  StorageMetrics measure(
      SimRun run, RunSpec spec, SimulationRunner.Result result, KvHistoryIndex index) {
    SimulationOutcome o = result.outcome();
    long unstored = 0;
    long restarts = 0;
    for (HistoryOp op : o.history().ops()) {
      if (op.isNemesis() && RESTART.equals(op.f())) {
        restarts++;
      } else if (op.type() == OpType.FAIL
          && KvOps.WRITE.equals(op.f())
          && STORAGE.equals(op.error())) {
        unstored++;
      }
    }
    long quarantined =
        o.marks().getOrDefault("storage-torn-record-quarantined", 0L)
            + o.marks().getOrDefault("storage-flipped-record-quarantined", 0L);
    long log = 0;
    long snapshot = 0;
    if (!o.finalObservations().isEmpty()) {
      ReplicaObservation first = o.finalObservations().get(0);
      log = StoredBytes.logBytes(first.delivered());
      snapshot = StoredBytes.snapshotBytesAfterGc(o.policy(), first.delivered());
    }
    return new StorageMetrics(
        run, index.writes().size(), unstored, restarts, quarantined, log, snapshot);
  }

  /** One variant's row of the outcomes table. */
  record Row(
      String variant,
      long runs,
      long failing,
      long acknowledged,
      long unstored,
      long restarts,
      long quarantined,
      @Nullable Double meanLogBytes,
      @Nullable Double meanSnapshotBytes) {
    static Row of(VariantRuns<StorageMetrics> v) {
      long n = v.count() - v.crashed();
      return new Row(
          v.variant(),
          v.count(),
          v.failing(),
          v.sum(StorageMetrics::acknowledgedWrites),
          v.sum(StorageMetrics::unstoredWrites),
          v.sum(StorageMetrics::restarts),
          v.sum(StorageMetrics::quarantined),
          Stats.ratio(v.sum(StorageMetrics::logBytes), n),
          Stats.ratio(v.sum(StorageMetrics::snapshotBytes), n));
    }
  }

  @Override
  public ExperimentReport aggregate(List<RunRecord> records) {
    Map<String, Row> row = rowsByVariant(byVariant(records), Row::of);
    List<Row> rows = new ArrayList<>(row.values());
    List<StoredBytes.Growth> growth = new ArrayList<>();
    for (RegisterPolicy p : RegisterPolicy.values()) {
      for (int length : StoredBytes.GROWTH_LENGTHS) {
        growth.add(StoredBytes.growth(p, length));
      }
    }
    Section section =
        new Section(
            ID,
            "Storage and compaction",
            "Does acknowledged mean durable under crashes, torn writes, flipped bits and full"
                + " disks, and what does GC save on disk as history grows?",
            "Storage-backed runs: every replica commits each step to a simulated disk before"
                + " acknowledging it. storage-faults: 3-5 replicas, crash and amnesia through the"
                + " disk, torn writes, flipped bits, full disks; long-offline: 3-4 replicas, one"
                + " cut off for most of the run while editing, torn writes; compaction: 3-4"
                + " replicas collecting garbage and compacting to snapshots during the run over"
                + " delta sync, one cut off for most of it and rejoining behind the others'"
                + " horizon, crashes restarting from the snapshot. "
                + seedText()
                + ". Growth workload: one writer, "
                + StoredBytes.GROWTH_KEYS
                + " keys, every fifth write a delete.",
            List.of(outcomes(rows), growthTable(growth)),
            charts(rows, growth),
            findings(rows, growth));
    return new ExperimentReport(section, List.of());
  }

  private static Table outcomes(List<Row> rows) {
    return TableBuilder.<Row>titled("Outcomes per profile and policy")
        .column("variant", Row::variant)
        .column("runs", Row::runs)
        .column("failing", Row::failing)
        .column("writes acknowledged", Row::acknowledged)
        .column("writes refused by storage", Row::unstored)
        .column("restarts from disk", Row::restarts)
        .column("quarantined on restart", Row::quarantined)
        .column("log bytes (mean)", Row::meanLogBytes)
        .column("snapshot bytes after GC (mean)", Row::meanSnapshotBytes)
        .notes(
            "Failing counts runs that broke a check, acknowledged-writes-survive (every :ok write"
                + " delivered by every replica at the end, none refused by storage delivered)"
                + " included. Bytes are of the first replica's final state: its change log framed"
                + " as the simulated disk frames records, and its snapshot after GC at the final"
                + " frontier.")
        .build(rows);
  }

  private static Table growthTable(List<StoredBytes.Growth> growth) {
    return TableBuilder.<StoredBytes.Growth>titled("Stored bytes against history length")
        .column("policy", g -> Overrides.policyName(g.policy()))
        .column("writes", StoredBytes.Growth::length)
        .column("log bytes (no GC)", StoredBytes.Growth::logBytes)
        .column("snapshot bytes (GC)", StoredBytes.Growth::snapshotBytes)
        .build(growth);
  }

  private static List<Chart> charts(List<Row> rows, List<StoredBytes.Growth> growth) {
    BarChart<Integer> chart =
        BarChart.titled(
            "Stored bytes against history length (" + StoredBytes.GROWTH_KEYS + " keys)",
            "writes",
            "bytes");
    for (RegisterPolicy p : RegisterPolicy.values()) {
      String name = Overrides.policyName(p);
      chart.series(name + " log (no GC)", len -> (double) find(growth, p, len).logBytes());
      chart.series(name + " snapshot (GC)", len -> (double) find(growth, p, len).snapshotBytes());
    }
    return List.of(
        chart.build(StoredBytes.GROWTH_LENGTHS, String::valueOf),
        BarChart.<Row>titled("Final state on disk per variant", "variant", "bytes")
            .series("log (no GC)", Row::meanLogBytes)
            .series("snapshot after GC", Row::meanSnapshotBytes)
            .build(rows, Row::variant));
  }

  private static StoredBytes.Growth find(
      List<StoredBytes.Growth> growth, RegisterPolicy p, int length) {
    for (StoredBytes.Growth g : growth) {
      if (g.policy() == p && g.length() == length) {
        return g;
      }
    }
    throw new IllegalArgumentException("no growth point " + p + " " + length);
  }

  private static String findings(List<Row> rows, List<StoredBytes.Growth> growth) {
    long runs = 0;
    long failing = 0;
    long acknowledged = 0;
    long unstored = 0;
    long quarantined = 0;
    for (Row r : rows) {
      runs += r.runs();
      failing += r.failing();
      acknowledged += r.acknowledged();
      unstored += r.unstored();
      quarantined += r.quarantined();
    }
    StoredBytes.Growth small = growth.get(0);
    StoredBytes.Growth big = growth.get(StoredBytes.GROWTH_LENGTHS.size() - 1);
    return String.format(
        Locale.ROOT,
        "%d runs (storage-backed or compacting), %d failing; %d writes acknowledged, %d refused"
            + " because their"
            + " commit failed, %d restarts quarantined a torn or flipped record and recovered the"
            + " rest. Under LWW the log grows with history (%d bytes after %d writes, %d after"
            + " %d) while the snapshot after GC stays flat with the live keys (%d and %d bytes).",
        runs,
        failing,
        acknowledged,
        unstored,
        quarantined,
        small.logBytes(),
        small.length(),
        big.logBytes(),
        big.length(),
        small.snapshotBytes(),
        big.snapshotBytes());
  }
}
