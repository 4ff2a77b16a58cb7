package dev.entente.cli;

import dev.entente.histories.HistoryCheck;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code entente check}: judges Jepsen-style history files (EDN, JSON, JSON Lines, or the old
 * Jepsen text log) with a linearizability model, or with Jepsen's set or counter checker, and
 * prints one line per file: {@code <file> TAB <VALID|INVALID|UNKNOWN> TAB <milliseconds> TAB
 * <explanation>}. An unreadable file is UNKNOWN with the parse error as its explanation.
 *
 * <p>Exit status: 0 if every file is valid; 1 if any is invalid; otherwise 2 if any is unknown or
 * unreadable (INVALID beats UNKNOWN, as verdicts compose); 2 also for a usage error.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Checks history files (EDN, JSON, JSON Lines, Jepsen text log) against a model.",
      "Prints one line per file: FILE<TAB>VALID|INVALID|UNKNOWN<TAB>MILLISECONDS<TAB>EXPLANATION."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:every file is valid",
      "1:some file is invalid",
      "2:some file is unknown or unreadable (and none invalid), or a usage error",
      "3:internal error"
    })
final class CheckCommand implements Callable<Integer> {
  @ParentCommand private EntenteCommand parent;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "MODEL",
      completionCandidates = ModelNames.class,
      description = "One of: ${COMPLETION-CANDIDATES}.")
  private String model;

  @Option(
      names = "--initial",
      paramLabel = "EDN",
      description =
          "Initial value as EDN: 0, nil, \"\" for register and cas-register (default nil),"
              + " a map such as {:x 0 :y 0} for multi-register.")
  private @Nullable String initial;

  @Option(
      names = "--timeout-ms",
      paramLabel = "MS",
      defaultValue = "60000",
      description =
          "Per-file search time limit; beyond it the file is UNKNOWN (default ${DEFAULT-VALUE}).")
  private long timeoutMillis;

  @Option(
      names = "--max-states",
      paramLabel = "N",
      defaultValue = "20000000",
      description = "Per-file limit on explored states (default ${DEFAULT-VALUE}).")
  private long maxStates;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "History files.")
  private List<Path> files;

  @Override
  public Integer call() {
    HistoryCheck check;
    try {
      check = HistoryCheck.of(model, initial, timeoutMillis, maxStates, System::nanoTime);
    } catch (IllegalArgumentException e) {
      parent.err().println("entente check: " + e.getMessage());
      return EntenteCommand.EXIT_USAGE;
    }
    return switch (check.checkAll(files, parent.out()::println)) {
      case VALID -> 0;
      case INVALID -> EntenteCommand.EXIT_FAILED;
      case UNKNOWN -> EntenteCommand.EXIT_USAGE;
    };
  }

  /** The names {@code --model} accepts, for help and completion. */
  static final class ModelNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return HistoryCheck.modelNames().iterator();
    }
  }
}
