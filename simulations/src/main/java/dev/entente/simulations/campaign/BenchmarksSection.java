package dev.entente.simulations.campaign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The benchmarks section, from records the command line makes of the bench module's {@code
 * ratios.json} (experiment {@code benchmarks}): one record per ratio row (metrics {@code label},
 * {@code params}, {@code subjectNanosPerOp}, {@code baselineNanosPerOp}, {@code ratio}, {@code
 * target}, {@code verdict}) and one record with variant {@code status} (metrics {@code status}:
 * {@code ran}, {@code skipped} or {@code unavailable}, {@code reason}, {@code mode}). Stateless.
 */
public final class BenchmarksSection {
  /** The section id and the records' experiment. */
  public static final String ID = "benchmarks";

  /** The variant of the status record. */
  public static final String STATUS = "status";

  private BenchmarksSection() {}

  /** The section from every record of the campaign (others are ignored). */
  public static Section aggregate(List<RunRecord> records) {
    List<RunRecord> rows = new ArrayList<>();
    RunRecord status = null;
    for (RunRecord r : records) {
      if (!r.experiment().equals(ID)) {
        continue;
      }
      if (r.variant().equals(STATUS)) {
        status = r;
      } else {
        rows.add(r);
      }
    }
    rows.sort(Comparator.comparingInt(RunRecord::index));
    List<List<Object>> cells = new ArrayList<>();
    long targets = 0;
    long met = 0;
    List<String> missed = new ArrayList<>();
    for (RunRecord r : rows) {
      Double ratio = Stats.round2(r.number("ratio"));
      cells.add(
          Arrays.asList(
              r.text("label"),
              r.text("params"),
              Stats.round2(r.number("subjectNanosPerOp")),
              Stats.round2(r.number("baselineNanosPerOp")),
              ratio,
              r.text("target"),
              r.text("verdict")));
      if (!r.text("verdict").equals("-")) {
        targets++;
        if (r.text("verdict").equals("met")) {
          met++;
        } else {
          String params = r.text("params").isEmpty() ? "" : " (" + r.text("params") + ")";
          missed.add(r.text("label") + params + ": " + Stats.text(ratio) + "x");
        }
      }
    }
    String state = status == null ? "unavailable" : status.text("status");
    String reason = status == null ? "no benchmark records" : status.text("reason");
    String findings;
    if (rows.isEmpty()) {
      findings = "No benchmark figures in this run (" + state + ": " + reason + ").";
    } else {
      findings =
          String.format(
              Locale.ROOT,
              "%s of %s targeted ratios met their target in this run.%s On 2 cores only ratios"
                  + " within one run mean anything; the quick mode's short iterations make them"
                  + " noisy, so confirm a miss with --full before acting on it.",
              met,
              targets,
              missed.isEmpty() ? "" : " Missed: " + String.join("; ", missed) + ".");
    }
    Section.Table table =
        new Section.Table(
            "Ratios to baselines and peers",
            List.of(
                "ratio",
                "params",
                "subject (ns/op)",
                "baseline (ns/op)",
                "ratio (x)",
                "target",
                "verdict"),
            cells,
            "Subject time divided by baseline time, measured side by side in one JMH run. Pekko"
                + " LWWMap merge / Entente merge is how many times faster Entente is.");
    List<String> cats = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (List<Object> c : cells) {
      cats.add(c.get(0) + (c.get(1).toString().isEmpty() ? "" : " " + c.get(1)));
      values.add((Double) c.get(4));
    }
    List<Section.Chart> charts =
        rows.isEmpty()
            ? List.of()
            : List.of(
                new Section.Chart(
                    "Ratio to baseline",
                    "bar",
                    "ratio",
                    "x",
                    cats,
                    List.of(new Section.Series("ratio", values))));
    return new Section(
        ID,
        "Benchmarks",
        "Are the hot paths within their targets of the plain-Java floor and faster than the peer?",
        "JMH via the bench module's BenchRunner in a child JVM ("
            + (status == null ? "not run" : status.text("mode"))
            + "); targets from issue 5: HLC now() <= 1.1x currentTimeMillis(), apply and merge"
            + " <= 2x the HashMap floor, Pekko LWWMap merge >= 5x Entente's merge time."
            + (rows.isEmpty() ? " Status: " + state + " (" + reason + ")." : ""),
        List.of(table),
        charts,
        findings);
  }
}
