package dev.entente.campaign;

import dev.entente.model.RegisterPolicy;
import dev.entente.simulations.Mutant;
import dev.entente.simulations.SimulationOptions;
import dev.entente.simulations.trace.TraceExporter;
import dev.entente.tla.SpecFiles;
import dev.entente.tla.TlcRunner;
import dev.entente.tla.TraceValidator;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures trace validation throughput (issue 13): exports the first {@value #LARGEST} exportable
 * seeds of the default profile (LWW, HLC, three replicas, 20 ops, every fault the spec models) and
 * validates batches of 1, 10 and 100 of them, one record each (variant: the batch size); then the
 * kinds batch: the first {@value #PER_POLICY} exportable traced runs of each policy (state gossip,
 * crash and restart, clock steps among their draws) in one TLC run, one {@link TraceKindsMetrics}
 * per policy. Stateless.
 */
final class TraceValidationStep {
  private static final int LARGEST = 100;
  private static final int[] BATCHES = {1, 10, LARGEST};
  private static final int PER_POLICY = 20;
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private TraceValidationStep() {}

  /** The batch records, indexed from {@code firstIndex}. */
  static List<RunRecord> run(PrintStream err, int firstIndex) {
    List<List<String>> traces = traces();
    TraceValidator validator =
        new TraceValidator(TlcRunner.withDefaults(TIMEOUT), SpecFiles.locate());
    List<RunRecord> out = new ArrayList<>();
    for (int size : BATCHES) {
      TraceValidator.Batch b = validator.validateAll(traces.subList(0, size), line -> {});
      TraceValidationMetrics m =
          new TraceValidationMetrics(
              size,
              b.events(),
              b.runs(),
              accepted(b.results()),
              b.wallTimeMillis(),
              b.eventsPerSecond());
      err.printf(
          Locale.ROOT,
          "tlc: trace validation of %d traces: %d events, %d accepted, %.1f s, %.0f events/s%n",
          size,
          b.events(),
          m.accepted(),
          b.wallTimeMillis() / 1000.0,
          b.eventsPerSecond());
      out.add(RunRecord.of(TlcSection.ID, "traces-" + size, 0, firstIndex + out.size(), m));
    }
    out.addAll(kinds(validator, err, firstIndex + out.size()));
    return out;
  }

  /** The kinds batch: every policy's traced runs in one TLC run, a record per policy. */
  private static List<RunRecord> kinds(TraceValidator validator, PrintStream err, int first) {
    List<List<String>> all = new ArrayList<>();
    for (RegisterPolicy p : RegisterPolicy.values()) {
      all.addAll(traced(p));
    }
    TraceValidator.Batch b = validator.validateAll(all, line -> {});
    err.printf(
        Locale.ROOT,
        "tlc: trace validation of %d traced runs (every policy): %d events, %d accepted, %.1f s,"
            + " %.0f events/s%n",
        all.size(),
        b.events(),
        accepted(b.results()),
        b.wallTimeMillis() / 1000.0,
        b.eventsPerSecond());
    List<RunRecord> out = new ArrayList<>();
    int from = 0;
    for (RegisterPolicy p : RegisterPolicy.values()) {
      List<List<String>> mine = all.subList(from, from + PER_POLICY);
      List<TraceValidator.Result> results = b.results().subList(from, from + PER_POLICY);
      from += PER_POLICY;
      TraceKindsMetrics m =
          new TraceKindsMetrics(
              p.name(),
              mine.size(),
              accepted(results),
              count(mine, "Write"),
              count(mine, "Receive"),
              count(mine, "Merge"),
              count(mine, "Crash"),
              count(mine, "ClockStep"),
              b.eventsPerSecond());
      out.add(RunRecord.of(TlcSection.ID, "kinds-" + p.name(), 0, first + out.size(), m));
    }
    return out;
  }

  private static int accepted(List<TraceValidator.Result> results) {
    return (int)
        results.stream().filter(r -> r.verdict() == TraceValidator.Verdict.ACCEPTED).count();
  }

  private static long count(List<List<String>> traces, String event) {
    String field = "\"event\":\"" + event + "\"";
    return traces.stream().flatMap(List::stream).filter(l -> l.contains(field)).count();
  }

  private static List<List<String>> traces() {
    List<List<String>> traces = new ArrayList<>();
    for (long seed = 1; traces.size() < LARGEST; seed++) {
      SimulationOptions options = TraceExporter.sampleOptions(seed, Mutant.NONE);
      if (TraceExporter.unsupported(options).isEmpty()) {
        traces.add(TraceExporter.export(options));
      }
    }
    return traces;
  }

  /** The first {@value #PER_POLICY} exportable traced runs of {@code policy}. */
  private static List<List<String>> traced(RegisterPolicy policy) {
    List<List<String>> traces = new ArrayList<>();
    for (long seed = 1; traces.size() < PER_POLICY; seed++) {
      SimulationOptions options = TraceExporter.tracedOptions(seed, policy, Mutant.NONE);
      if (TraceExporter.unsupportedTraced(options).isEmpty()) {
        try {
          traces.add(TraceExporter.export(options));
        } catch (IllegalArgumentException refused) {
          // the drift guard refused a remote change: the spec has no guard, skip the seed
        }
      }
    }
    return traces;
  }
}
