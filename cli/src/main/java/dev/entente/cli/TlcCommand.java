package dev.entente.cli;

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
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code entente tlc [MODEL...]}: runs TLC on TLA+ models and compares each result with {@code
 * manifest.json}. Without arguments it runs every CI model. The specs come from {@code tla/specs}
 * of the checkout when there is one, else from the copy packaged in the jar.
 *
 * <p>Exit status 0 if every model gave the result the manifest expects, 1 otherwise, 2 for an
 * unknown model name.
 */
@Command(
    name = "tlc",
    mixinStandardHelpOptions = true,
    description = "Runs TLC on the TLA+ models and compares the results with manifest.json.")
final class TlcCommand implements Callable<Integer> {
  private static final String ROW = "%-22s %-44s %-44s %10s %10s %6s %8s%n";

  @ParentCommand private EntenteCommand parent;

  @Parameters(paramLabel = "MODEL", arity = "0..*", description = "Models to run (default: CI).")
  private List<String> names = new ArrayList<>();

  @Option(names = "--all", description = "Run the manual models too.")
  private boolean all;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "900",
      description = "Time limit per model (default: ${DEFAULT-VALUE}).")
  private long timeoutSeconds;

  @Option(
      names = "--specs",
      paramLabel = "DIR",
      description = "The specs directory (default: tla/specs, else the packaged copy).")
  private Path specs;

  @Override
  public Integer call() {
    PrintStream out = parent.out();
    Path dir = specs != null ? specs : SpecFiles.locate();
    Manifest manifest = Manifest.read(dir);
    List<Manifest.Model> models = new ArrayList<>();
    if (names.isEmpty()) {
      models.addAll(all ? manifest.models() : manifest.ciModels());
    }
    for (String name : names) {
      Optional<Manifest.Model> m = manifest.model(name);
      if (m.isEmpty()) {
        parent.err().println("entente tlc: unknown model " + name + "; known: " + known(manifest));
        return EntenteCommand.EXIT_USAGE;
      }
      models.add(m.get());
    }
    out.println("entente tlc: " + models.size() + " model(s) from " + dir);
    TlcRunner runner = TlcRunner.withDefaults(Duration.ofSeconds(timeoutSeconds));
    List<TlcResult> results = new ArrayList<>();
    for (int i = 0; i < models.size(); i++) {
      results.add(run(runner, dir, models.get(i), i + 1, models.size(), out));
    }
    return summarise(models, results, out) ? 0 : EntenteCommand.EXIT_FAILED;
  }

  private TlcResult run(
      TlcRunner runner, Path dir, Manifest.Model m, int index, int count, PrintStream out) {
    String tag = "[" + index + "/" + count + "] " + m.name();
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
      parent.err().println(m.name() + ": " + error);
    }
    return r;
  }

  private static boolean summarise(
      List<Manifest.Model> models, List<TlcResult> results, PrintStream out) {
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

  private static String known(Manifest manifest) {
    return String.join(", ", manifest.models().stream().map(Manifest.Model::name).toList());
  }
}
