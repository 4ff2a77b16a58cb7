package dev.entente.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns JMH results into ratios of each benchmark to its baseline or peer, and renders them. Pure
 * functions of the results: no timing, no clock. Thread-safe.
 *
 * <p>On 2 cores only ratios within one run mean anything (STYLE.md), so this is the figure the
 * reports show; the absolute times travel along for reference.
 */
public final class Ratios {
  /** The ratios issue 5 asks for, with its targets, plus informative ones. */
  public static final List<RatioSpec> DEFAULT =
      List.of(
          new RatioSpec(
              "HLC now() / currentTimeMillis()",
              "ClockBenchmark.hlcNow",
              "ClockBenchmark.currentTimeMillis",
              Target.atMost(1.1)),
          new RatioSpec(
              "HLC observe() / currentTimeMillis()",
              "ClockBenchmark.hlcObserve",
              "ClockBenchmark.currentTimeMillis",
              Target.NONE),
          new RatioSpec(
              "HLC now(), frozen physical / currentTimeMillis()",
              "ClockBenchmark.hlcNowFrozenPhysical",
              "ClockBenchmark.currentTimeMillis",
              Target.NONE),
          new RatioSpec(
              "Lamport now() / currentTimeMillis()",
              "ClockBenchmark.lamportNow",
              "ClockBenchmark.currentTimeMillis",
              Target.NONE),
          new RatioSpec(
              "Replica apply / HashMap put",
              "ApplyBenchmark.replicaApply",
              "ApplyBenchmark.hashMapPut",
              Target.atMost(2)),
          new RatioSpec(
              "LwwMap apply / HashMap put",
              "ApplyBenchmark.lwwMapApply",
              "ApplyBenchmark.hashMapPut",
              Target.atMost(2)),
          new RatioSpec(
              "Entente merge / HashMap union",
              "MergeBenchmark.ententeMerge",
              "MergeBenchmark.hashMapUnion",
              Target.atMost(2)),
          new RatioSpec(
              "Pekko LWWMap merge / Entente merge",
              "MergeBenchmark.pekkoLwwMapMerge",
              "MergeBenchmark.ententeMerge",
              Target.atLeast(5)),
          new RatioSpec(
              "Automerge merge / Entente merge",
              "MergeBenchmark.automergeMerge",
              "MergeBenchmark.ententeMerge",
              Target.NONE),
          new RatioSpec(
              "VersionVector merge / long[] max",
              "VersionVectorBenchmark.merge",
              "VersionVectorBenchmark.denseMergeFloor",
              Target.NONE),
          new RatioSpec(
              "VersionVector dominates / long[] compare",
              "VersionVectorBenchmark.dominates",
              "VersionVectorBenchmark.denseDominatesFloor",
              Target.NONE),
          new RatioSpec(
              "contentHash / SHA-256 of encoded bytes",
              "CodecBenchmark.contentHash",
              "CodecBenchmark.sha256Floor",
              Target.NONE),
          new RatioSpec(
              "checker: parallel checker / model oracle",
              "CheckerBenchmark.parallelChecker",
              "CheckerBenchmark.oracle",
              Target.NONE));

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private Ratios() {}

  /**
   * One row per spec and per parameter combination measured for both its subject and its baseline,
   * in spec order, then in the subject's result order. Specs with a side missing give no rows.
   */
  public static List<RatioRow> compute(List<JmhResult> results, List<RatioSpec> specs) {
    List<RatioRow> rows = new ArrayList<>();
    for (RatioSpec spec : specs) {
      for (JmhResult subject : results) {
        if (!RatioSpec.names(subject.benchmark(), spec.subject())) {
          continue;
        }
        for (JmhResult baseline : results) {
          if (RatioSpec.names(baseline.benchmark(), spec.baseline())
              && baseline.params().equals(subject.params())) {
            rows.add(row(spec, subject, baseline));
          }
        }
      }
    }
    return rows;
  }

  /** The rows as a fixed-width text table with a header line. */
  public static String table(List<RatioRow> rows) {
    String format = "%-48s %-32s %11s %11s %8s %7s %9s  %s%n";
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            format,
            "ratio",
            "params",
            "subject",
            "baseline",
            "ratio",
            "+-",
            "target",
            ""));
    for (RatioRow r : rows) {
      out.append(
          String.format(
              Locale.ROOT,
              format,
              r.label(),
              JmhResult.paramsText(r.params()),
              nanosText(r.subjectNanos()),
              nanosText(r.baselineNanos()),
              String.format(Locale.ROOT, "%.2fx", r.ratio()),
              Double.isNaN(r.ratioError())
                  ? "?"
                  : String.format(Locale.ROOT, "%.2f", r.ratioError()),
              r.target().text(),
              r.verdict()));
    }
    return out.toString();
  }

  /** Writes the rows as JSON (sorted keys, numbers as JMH gave them) for the reports module. */
  public static void writeJson(List<RatioRow> rows, Path file) throws IOException {
    ArrayNode array = JSON.createArrayNode();
    for (RatioRow r : rows) {
      ObjectNode node = array.addObject();
      node.put("label", r.label());
      node.put("subject", r.subject());
      node.put("baseline", r.baseline());
      node.set("params", JSON.valueToTree(r.params()));
      node.put("subjectNanosPerOp", r.subjectNanos());
      node.put("baselineNanosPerOp", r.baselineNanos());
      node.put("ratio", r.ratio());
      node.put("ratioError", r.ratioError());
      node.put("target", r.target().text());
      node.put("verdict", r.verdict());
    }
    JSON.writeValue(file.toFile(), array);
  }

  private static RatioRow row(RatioSpec spec, JmhResult subject, JmhResult baseline) {
    double s = subject.nanosPerOp();
    double b = baseline.nanosPerOp();
    double ratio = s / b;
    double relative =
        Math.abs(subject.scoreError() / subject.score())
            + Math.abs(baseline.scoreError() / baseline.score());
    return new RatioRow(
        spec.label(),
        subject.benchmark(),
        baseline.benchmark(),
        subject.params(),
        s,
        b,
        ratio,
        ratio * relative,
        spec.target());
  }

  /** A time per op with a unit that keeps 3-4 significant digits: 25.3 ns, 1.24 ms. */
  static String nanosText(double nanos) {
    if (nanos < 1e3) {
      return String.format(Locale.ROOT, "%.1f ns", nanos);
    }
    if (nanos < 1e6) {
      return String.format(Locale.ROOT, "%.2f us", nanos / 1e3);
    }
    if (nanos < 1e9) {
      return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }
}
