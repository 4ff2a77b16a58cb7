package dev.entente.campaign;

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
 * validates batches of 1, 10 and 100 of them, one record each (variant: the batch size). Stateless.
 */
final class TraceValidationStep {
  private static final int LARGEST = 100;
  private static final int[] BATCHES = {1, 10, LARGEST};
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
      int accepted =
          (int)
              b.results().stream()
                  .filter(r -> r.verdict() == TraceValidator.Verdict.ACCEPTED)
                  .count();
      TraceValidationMetrics m =
          new TraceValidationMetrics(
              size, b.events(), b.runs(), accepted, b.wallTimeMillis(), b.eventsPerSecond());
      err.printf(
          Locale.ROOT,
          "tlc: trace validation of %d traces: %d events, %d accepted, %.1f s, %.0f events/s%n",
          size,
          b.events(),
          accepted,
          b.wallTimeMillis() / 1000.0,
          b.eventsPerSecond());
      out.add(RunRecord.of(TlcSection.ID, "traces-" + size, 0, firstIndex + out.size(), m));
    }
    return out;
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
}
