package dev.entente.campaign;

import dev.entente.tla.Manifest;
import dev.entente.tla.SpecFiles;
import dev.entente.tla.TlcResult;
import dev.entente.tla.TlcRunner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Runs TLC on the manifest's CI models (as {@code entente tlc} does), then measures trace
 * validation ({@link TraceValidationStep}), and turns the results into campaign records; failures
 * become a status record rather than an exception. Stateless.
 */
final class TlcStep {
  private static final Duration TIMEOUT = Duration.ofMinutes(15);

  private TlcStep() {}

  static List<RunRecord> skipped(String reason) {
    return List.of(status("skipped", reason));
  }

  static List<RunRecord> run(PrintStream err) {
    List<RunRecord> out = new ArrayList<>();
    try {
      Path dir = SpecFiles.locate();
      List<Manifest.Model> models = Manifest.read(dir).ciModels();
      TlcRunner runner = TlcRunner.withDefaults(TIMEOUT);
      out.add(status("ran", models.size() + " CI models from " + dir.getFileName()));
      for (Manifest.Model model : models) {
        TlcResult r = runner.run(dir, model.spec(), model.config(), false);
        err.printf(
            Locale.ROOT,
            "tlc: %s %s (expected %s), %.1f s%n",
            model.name(),
            r.outcomeLabel(),
            model.expectedLabel(),
            r.wallTimeMillis() / 1000.0);
        TlcModelMetrics m =
            new TlcModelMetrics(
                model.spec(),
                r.outcomeLabel(),
                model.expectedLabel(),
                model.matches(r),
                known(r.distinctStates()),
                known(r.statesGenerated()),
                known(r.depth()));
        out.add(RunRecord.of(TlcSection.ID, model.name(), 0, out.size(), m));
      }
      out.addAll(TraceValidationStep.run(err, out.size()));
      return out;
    } catch (RuntimeException e) {
      return List.of(status("failed", RunRecord.stackTrace(e)));
    }
  }

  /** TLC reports -1 for a figure it did not print. */
  private static @Nullable Long known(long v) {
    return v < 0 ? null : v;
  }

  private static RunRecord status(String status, @Nullable String reason) {
    return RunRecord.of(
        TlcSection.ID, StepStatus.VARIANT, 0, 0, new StepStatus(status, reason, null));
  }
}
