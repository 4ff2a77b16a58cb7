package dev.entente.bench;

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
  private static final String PEKKO_PUT = "pekkoPut";
  private static final String PEKKO_MERGE = "pekkoMerge";

  /**
   * The ratios issue 5 asks for, with its targets, plus informative ones; then issue 13's peers
   * ratios ({@link PeersBenchmark}), whose targets are the headline ones.
   */
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
              "Map-level LwwMap mergeFrom / HashMap union",
              "MergeBenchmark.ententeMerge",
              "MergeBenchmark.hashMapUnion",
              Target.atMost(2)),
          new RatioSpec(
              "Pekko LWWMap merge / map-level LwwMap mergeFrom",
              "MergeBenchmark.pekkoLwwMapMerge",
              "MergeBenchmark.ententeMerge",
              Target.atLeast(5)),
          new RatioSpec(
              "Automerge merge / map-level LwwMap mergeFrom",
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
              "Replay shuffled / in order",
              "ScalingBenchmark.shuffled",
              "ScalingBenchmark.inOrder",
              Target.atMost(2)),
          new RatioSpec(
              "Replay reversed / in order",
              "ScalingBenchmark.reversed",
              "ScalingBenchmark.inOrder",
              Target.atMost(2)),
          peers("HLC now() / currentTimeMillis(), 100k", "hlcNow", "currentTimeMillis", 1.1),
          peers("(a) 100k puts: Entente LWW / Pekko", "ententeLwwPut", PEKKO_PUT, 0.5),
          peers("(a) 100k puts: Entente MV / Pekko", "ententeMvPut", PEKKO_PUT, 0.7),
          peers("(a) 100k puts: Entente causal group / Pekko", "ententeCausalPut", PEKKO_PUT, 0),
          peers("(a) 100k puts: plain floor / Pekko", "floorPut", PEKKO_PUT, 0),
          peers("(a) 100k puts: Automerge / Pekko", "automergePut", PEKKO_PUT, 0),
          peers("(a) tx of 1000: Entente LWW / Pekko puts", "ententeLwwTransact", PEKKO_PUT, 0),
          peers("(a) tx of 1000: Entente MV / Pekko puts", "ententeMvTransact", PEKKO_PUT, 0),
          peers(
              "(a) tx of 1000: Entente causal group / Pekko puts",
              "ententeCausalTransact",
              PEKKO_PUT,
              0),
          peers("(a) tx of 1000: plain floor / Pekko puts", "floorTransact", PEKKO_PUT, 0),
          peers("(a) tx of 1000: Automerge / Pekko puts", "automergeTransact", PEKKO_PUT, 0),
          peers("(b) merge: Entente LWW / Pekko", "ententeLwwMerge", PEKKO_MERGE, 0.2),
          peers("(b) merge: Entente MV / Pekko", "ententeMvMerge", PEKKO_MERGE, 0.4),
          peers("(b) merge: Entente causal group / Pekko", "ententeCausalMerge", PEKKO_MERGE, 0),
          peers("(b) merge: plain floor / Pekko", "floorMerge", PEKKO_MERGE, 0),
          peers("(b) merge: Automerge / Pekko", "automergeMerge", PEKKO_MERGE, 0),
          new RatioSpec(
              "checker, full analysis: parallel checker / model oracle",
              "CheckerBenchmark.parallelChecker",
              "CheckerBenchmark.oracle",
              Target.NONE),
          new RatioSpec(
              "checker, verdict only: parallel checker / model oracle",
              "CheckerBenchmark.verdictOnly",
              "CheckerBenchmark.oracle",
              Target.NONE));

  private Ratios() {}

  /**
   * A ratio of two {@link PeersBenchmark} methods, with an at-most target of {@code atMost}, or no
   * target when it is 0.
   */
  private static RatioSpec peers(String label, String subject, String baseline, double atMost) {
    String cls = PeersBenchmark.class.getSimpleName() + ".";
    return new RatioSpec(
        label, cls + subject, cls + baseline, atMost > 0 ? Target.atMost(atMost) : Target.NONE);
  }

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
    BenchJson.writeArray(rows, Ratios::fields, file);
  }

  private static void fields(RatioRow r, ObjectNode node) {
    node.put("label", r.label());
    node.put("subject", r.subject());
    node.put("baseline", r.baseline());
    node.set("params", BenchJson.MAPPER.valueToTree(r.params()));
    node.put("subjectNanosPerOp", r.subjectNanos());
    node.put("baselineNanosPerOp", r.baselineNanos());
    node.put("ratio", r.ratio());
    node.put("ratioError", r.ratioError());
    node.put("target", r.target().text());
    node.put("verdict", r.verdict());
    spread(node.putObject("subjectSpread"), r.subjectSpread());
    spread(node.putObject("baselineSpread"), r.baselineSpread());
    node.put("subjectAllocBytesPerOp", r.subjectAllocBytes());
  }

  private static void spread(ObjectNode node, Spread s) {
    node.put("min", s.min());
    node.put("p25", s.p25());
    node.put("median", s.median());
    node.put("p75", s.p75());
    node.put("max", s.max());
  }

  private static RatioRow row(RatioSpec spec, JmhResult subject, JmhResult baseline) {
    double s = subject.centralNanos();
    double b = baseline.centralNanos();
    double ratio = s / b;
    double relative = relativeError(subject) + relativeError(baseline);
    return new RatioRow(
        spec.label(),
        subject.benchmark(),
        baseline.benchmark(),
        subject.params(),
        s,
        b,
        ratio,
        ratio * relative,
        spec.target(),
        subject.spreadNanos(),
        baseline.spreadNanos(),
        subject.allocBytesPerOp());
  }

  /**
   * Half the interquartile range over the median for single-shot results (whose median is the
   * central figure), else JMH's confidence half-width over its score.
   */
  private static double relativeError(JmhResult r) {
    Spread s = r.spread();
    if (r.mode().equals("ss") && s.known()) {
      return (s.p75() - s.p25()) / 2 / s.median();
    }
    return Math.abs(r.scoreError() / r.score());
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
