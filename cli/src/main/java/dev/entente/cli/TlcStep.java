package dev.entente.cli;

import dev.entente.simulations.campaign.RunRecord;
import dev.entente.simulations.campaign.TlcSection;
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
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Runs TLC on the manifest's CI models (as {@code entente tlc} does) and turns the results into
 * campaign records; failures become a status record rather than an exception. Stateless.
 */
final class TlcStep {
  /** Index of the status record; model rows follow it. */
  static final int FIRST_INDEX = 2_000_000;

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
        SortedMap<String, Object> m = new TreeMap<>();
        m.put("spec", model.spec());
        m.put("outcome", r.outcomeLabel());
        m.put("expected", model.expectedLabel());
        m.put("matches", model.matches(r) ? 1L : 0L);
        m.put("distinctStates", r.distinctStates());
        m.put("statesGenerated", r.statesGenerated());
        m.put("depth", (long) r.depth());
        out.add(new RunRecord(FIRST_INDEX + out.size(), TlcSection.ID, model.name(), 0, m));
      }
      return out;
    } catch (RuntimeException e) {
      return List.of(status("failed", e.toString()));
    }
  }

  private static RunRecord status(String status, String reason) {
    SortedMap<String, Object> m = new TreeMap<>();
    m.put("status", status);
    m.put("reason", reason);
    return new RunRecord(FIRST_INDEX, TlcSection.ID, TlcSection.STATUS, 0, m);
  }
}
