package dev.entente.tla;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs a selection of the manifest's models one after another, as {@code entente tlc} does:
 * progress lines and TLC's own output on {@code out}, TLC's errors on {@code err}, then a summary
 * table and one PASSED or FAILED line. A model passes when its result is what {@code manifest.json}
 * expects of it (a must-fail model passes by failing).
 */
public final class ModelSuite {
  private static final String ROW = "%-22s %-44s %-44s %10s %10s %6s %8s%n";

  private final Path dir;
  private final List<Manifest.Model> models;

  private ModelSuite(Path dir, List<Manifest.Model> models) {
    this.dir = dir;
    this.models = List.copyOf(models);
  }

  /**
   * The models of the manifest in {@code dir} named in {@code names}, in that order; with no names,
   * the CI models, or every model when {@code all}.
   *
   * @throws IllegalArgumentException naming the unknown model and listing the known ones
   */
  public static ModelSuite select(Path dir, List<String> names, boolean all) {
    Manifest manifest = Manifest.read(dir);
    List<Manifest.Model> chosen = new ArrayList<>();
    if (names.isEmpty()) {
      chosen.addAll(all ? manifest.models() : manifest.ciModels());
    }
    for (String name : names) {
      Optional<Manifest.Model> m = manifest.model(name);
      if (m.isEmpty()) {
        List<String> known = manifest.models().stream().map(Manifest.Model::name).toList();
        throw new IllegalArgumentException(
            "unknown model " + name + "; known: " + String.join(", ", known));
      }
      chosen.add(m.get());
    }
    return new ModelSuite(dir, chosen);
  }

  /** Runs every selected model and prints the summary; true when every one matched. */
  public boolean run(Duration timeoutPerModel, PrintStream out, PrintStream err) {
    out.println("entente tlc: " + models.size() + " model(s) from " + dir);
    TlcRunner runner = TlcRunner.withDefaults(timeoutPerModel);
    List<TlcResult> results = new ArrayList<>();
    for (int i = 0; i < models.size(); i++) {
      results.add(runOne(runner, models.get(i), i + 1, out, err));
    }
    return summarise(results, out);
  }

  private TlcResult runOne(
      TlcRunner runner, Manifest.Model m, int index, PrintStream out, PrintStream err) {
    String tag = "[" + index + "/" + models.size() + "] " + m.name();
    out.println(tag + ": running " + m.spec() + " with " + m.config());
    TlcResult r = runner.run(dir, m.spec(), m.config(), false, line -> out.println("  " + line));
    out.printf(
        Locale.ROOT,
        "%s: %s, expected %s, %.1f s%s%n",
        tag,
        r.outcomeLabel(),
        m.expectedLabel(),
        r.wallTimeMillis() / 1000.0,
        m.matches(r) ? "" : "  MISMATCH");
    for (String error : r.errors()) {
      err.println(m.name() + ": " + error);
    }
    return r;
  }

  private boolean summarise(List<TlcResult> results, PrintStream out) {
    out.println();
    out.printf(
        Locale.ROOT, ROW, "model", "outcome", "expected", "states", "distinct", "depth", "seconds");
    boolean ok = true;
    long totalMillis = 0;
    for (int i = 0; i < models.size(); i++) {
      Manifest.Model m = models.get(i);
      TlcResult r = results.get(i);
      boolean match = m.matches(r);
      ok &= match;
      totalMillis += r.wallTimeMillis();
      out.printf(
          Locale.ROOT,
          ROW,
          m.name(),
          r.outcomeLabel() + (match ? "" : " MISMATCH"),
          m.expectedLabel() + (m.distinctStates() >= 0 ? " " + m.distinctStates() : ""),
          r.statesGenerated(),
          r.distinctStates(),
          r.depth(),
          String.format(Locale.ROOT, "%.1f", r.wallTimeMillis() / 1000.0));
    }
    out.printf(Locale.ROOT, "total TLC time %.1f s%n", totalMillis / 1000.0);
    out.println(ok ? "PASSED: every model matches manifest.json" : "FAILED: see MISMATCH above");
    return ok;
  }
}
