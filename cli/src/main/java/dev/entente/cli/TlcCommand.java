package dev.entente.cli;

import dev.entente.tla.ModelSuite;
import dev.entente.tla.SpecFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    ModelSuite suite;
    try {
      suite = ModelSuite.select(specs != null ? specs : SpecFiles.locate(), names, all);
    } catch (IllegalArgumentException e) {
      parent.err().println("entente tlc: " + e.getMessage());
      return EntenteCommand.EXIT_USAGE;
    }
    boolean ok = suite.run(Duration.ofSeconds(timeoutSeconds), parent.out(), parent.err());
    return ok ? 0 : EntenteCommand.EXIT_FAILED;
  }
}
