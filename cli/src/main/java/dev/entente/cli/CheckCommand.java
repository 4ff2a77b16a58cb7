package dev.entente.cli;

import dev.entente.histories.EdnHistoryReader;
import dev.entente.histories.HistoryFiles;
import dev.entente.histories.HistoryParseException;
import dev.entente.model.check.CheckResult;
import dev.entente.model.check.Checker;
import dev.entente.model.check.CounterChecker;
import dev.entente.model.check.LinearizabilityChecker;
import dev.entente.model.check.Models;
import dev.entente.model.check.SearchBudget;
import dev.entente.model.check.SetChecker;
import dev.entente.model.check.Verdict;
import dev.entente.model.history.History;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
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
  /** Models besides the linearizability ones: Jepsen's set and counter checkers. */
  private static final List<String> OTHER_CHECKERS = List.of("set", "counter");

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
    PrintStream err = parent.err();
    Checker<History> checker;
    try {
      checker = checker();
    } catch (IllegalArgumentException e) {
      err.println("entente check: " + e.getMessage());
      return EntenteCommand.EXIT_USAGE;
    }
    Verdict overall = Verdict.VALID;
    for (Path file : files) {
      long start = System.nanoTime();
      CheckResult result = checkFile(file, checker);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      parent
          .out()
          .println(
              file
                  + "\t"
                  + result.verdict()
                  + "\t"
                  + millis
                  + "\t"
                  + oneLine(result.explanation()));
      overall = overall.and(result.verdict());
    }
    return switch (overall) {
      case VALID -> 0;
      case INVALID -> EntenteCommand.EXIT_FAILED;
      case UNKNOWN -> EntenteCommand.EXIT_USAGE;
    };
  }

  private Checker<History> checker() {
    if (timeoutMillis <= 0 || maxStates <= 0) {
      throw new IllegalArgumentException("--timeout-ms and --max-states must be positive");
    }
    Object initialValue = initial == null ? null : EdnHistoryReader.readValue(initial);
    if (OTHER_CHECKERS.contains(model)) {
      if (initialValue != null) {
        throw new IllegalArgumentException("model " + model + " takes no --initial value");
      }
      return model.equals("set") ? new SetChecker() : new CounterChecker();
    }
    var sequential = Models.named(model, initialValue);
    return history -> {
      SearchBudget budget =
          SearchBudget.steps(maxStates)
              .withTimeout(System::nanoTime, TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
      return new LinearizabilityChecker(sequential, budget).check(history);
    };
  }

  private static CheckResult checkFile(Path file, Checker<History> checker) {
    History history;
    try {
      history = HistoryFiles.read(file);
    } catch (HistoryParseException e) {
      return CheckResult.unknown("read", "cannot read history: " + e.getMessage());
    }
    return Checker.safely("check", checker, history);
  }

  private static String oneLine(String s) {
    return s.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
  }

  /** The names {@code --model} accepts, for help and completion. */
  static final class ModelNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      List<String> names = new ArrayList<>(Models.NAMES);
      names.addAll(OTHER_CHECKERS);
      return names.iterator();
    }
  }
}
