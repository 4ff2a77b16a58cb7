package dev.entente.campaign;

import dev.entente.campaign.report.BarChart;
import dev.entente.campaign.report.Stats;
import dev.entente.campaign.report.TableBuilder;
import dev.entente.reports.ReportDocument.Chart;
import dev.entente.reports.ReportDocument.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The peers part of the benchmarks section (issue 13): from the ratio rows of the bench module's
 * {@code PeersBenchmark} (labels {@code (a) work: subject / Pekko}), one row per work and subject
 * with its median time, its quartiles, its ratio to Pekko's time in the same run, the target and
 * the verdict; Pekko's own row per work; and the encoded merged state sizes of work (c). Stateless.
 */
final class PeersBenchTable {
  /**
   * Puts in work (a) and writes per side in work (b), to turn bytes per shot into bytes per write.
   */
  private static final double PUTS = 100_000;

  private static final double MERGE_WRITES = 50_000;

  private PeersBenchTable() {}

  /** One row: a work, a subject and its ratio row (for Pekko's own row, the baseline side). */
  record Row(String work, String subject, BenchRatioMetrics m, boolean pekko) {
    double medianMs() {
      return Stats.round2((pekko ? m.baselineNanosPerOp() : m.subjectNanosPerOp()) / 1e6);
    }

    String quartilesMs() {
      double lo = pekko ? m.baselineP25Nanos() : m.subjectP25Nanos();
      double hi = pekko ? m.baselineP75Nanos() : m.subjectP75Nanos();
      return Double.isNaN(lo)
          ? "n/a"
          : Stats.text(Stats.round2(lo / 1e6)) + " - " + Stats.text(Stats.round2(hi / 1e6));
    }

    double ratio() {
      return pekko ? 1.0 : Stats.round2(m.ratio());
    }

    @Nullable Double allocPerWrite() {
      double bytes = m.subjectAllocBytesPerOp();
      if (pekko || Double.isNaN(bytes)) {
        return null;
      }
      return Stats.round2(bytes / (work.startsWith("(b)") ? MERGE_WRITES : PUTS));
    }
  }

  /** True if {@code m} is a peers ratio row. */
  static boolean isPeers(BenchRatioMetrics m) {
    return m.label().startsWith("(a) ") || m.label().startsWith("(b) ");
  }

  /** The rows of {@code ratios}' peers rows, with a Pekko row heading each work. */
  static List<Row> rows(List<BenchRatioMetrics> ratios) {
    Map<String, List<Row>> byWork = new LinkedHashMap<>();
    for (BenchRatioMetrics m : ratios) {
      int colon = m.label().indexOf(": ");
      int slash = m.label().lastIndexOf(" / ");
      if (!isPeers(m) || colon < 0 || slash < colon) {
        continue;
      }
      String work = m.label().substring(0, colon);
      String subject = m.label().substring(colon + 2, slash);
      List<Row> rows = byWork.computeIfAbsent(work, w -> new ArrayList<>());
      if (rows.isEmpty()) {
        rows.add(new Row(work, "Pekko LWWMap", m, true));
      }
      rows.add(new Row(work, subject, m, false));
    }
    List<Row> out = new ArrayList<>();
    byWork.values().forEach(out::addAll);
    return out;
  }

  static Table table(List<Row> rows) {
    return TableBuilder.<Row>titled("Peers on the public API (issue 13 workload)")
        .column("work", Row::work)
        .column("subject", Row::subject)
        .column("median (ms)", Row::medianMs)
        .column("p25 - p75 (ms)", Row::quartilesMs)
        .column("ratio to Pekko (x)", Row::ratio)
        .column("target", r -> r.pekko() ? "-" : r.m().target())
        .column("verdict", r -> r.pekko() ? "-" : r.m().verdict())
        .column("alloc per write (B)", Row::allocPerWrite)
        .notes(
            "One JMH run, single-shot time: each shot is the whole work; median and quartiles over"
                + " the measured shots (15 warm-up and 15 measured shots per fork in --full). (a):"
                + " 100,000 puts on one empty replica (each its own change, or in transactions of"
                + " 1,000 ops; Pekko has no transactions, so those rows compare with its puts)."
                + " (b): B's state merged into a fresh replica holding A's, 50,000 writes each."
                + " Allocation from JMH's GC profiler, per put for (a), per merged write for (b).")
        .build(rows);
  }

  static Chart chart(List<Row> rows) {
    return BarChart.<Row>titled("Peers: time relative to Pekko LWWMap (median)", "work", "x")
        .series("ratio to Pekko", Row::ratio)
        .build(rows, r -> r.work() + ": " + r.subject());
  }

  static Table bytesTable(List<PeerBytesMetrics> rows) {
    return TableBuilder.<PeerBytesMetrics>titled("(c) Encoded merged state of work (b)")
        .column("subject", PeerBytesMetrics::subject)
        .column("encoding", PeerBytesMetrics::encoding)
        .column("raw (B)", PeerBytesMetrics::rawBytes)
        .column("gzip (B)", PeerBytesMetrics::gzipBytes)
        .notes(
            "Deterministic. Entente's state is its log of delivered changes (100,000 of them);"
                + " Pekko's and Automerge's hold the 10,000 keys' registers or their document.")
        .build(rows);
  }

  /** The findings sentence about the targeted peers rows. */
  static String findings(List<Row> rows) {
    List<String> parts = new ArrayList<>();
    for (Row r : rows) {
      if (!r.pekko() && !r.m().verdict().equals("-")) {
        parts.add(
            String.format(
                Locale.ROOT,
                "%s %s %sx of Pekko (target %s, %s)",
                r.work(),
                r.subject(),
                Stats.text(r.ratio()),
                r.m().target(),
                r.m().verdict()));
      }
    }
    return parts.isEmpty() ? "" : " Peers: " + String.join("; ", parts) + ".";
  }
}
