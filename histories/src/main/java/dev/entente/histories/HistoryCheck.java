package dev.entente.histories;

import dev.entente.histories.linearizability.ParallelLinearizabilityChecker;
import dev.entente.model.check.CheckResult;
import dev.entente.model.check.Checker;
import dev.entente.model.check.CounterChecker;
import dev.entente.model.check.Models;
import dev.entente.model.check.SearchBudget;
import dev.entente.model.check.SetChecker;
import dev.entente.model.check.Verdict;
import dev.entente.model.history.History;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Judges history files with a named checker, as {@code entente check} does: one line per file,
 * {@code <file> TAB <verdict> TAB <milliseconds> TAB <explanation>}, and the verdicts composed
 * (INVALID beats UNKNOWN beats VALID). An unreadable file is UNKNOWN with the parse error as its
 * explanation; it never stops the other files from being checked.
 *
 * <p>Linearizability models are judged by the {@link ParallelLinearizabilityChecker} (the model
 * module's checker is its oracle), with the step limit applying to each independent key.
 *
 * <p>Time is injected ({@code nanoClock}): the search budget's timeout and the per-file figure read
 * it, so the caller decides whether that is the real clock.
 */
public final class HistoryCheck {
  /** Checkers besides the linearizability models: Jepsen's set and counter checkers. */
  public static final List<String> OTHER_CHECKERS = List.of("set", "counter");

  private final Checker<History> checker;
  private final LongSupplier nanoClock;

  private HistoryCheck(Checker<History> checker, LongSupplier nanoClock) {
    this.checker = checker;
    this.nanoClock = nanoClock;
  }

  /** Every name {@link #of} accepts: the linearizability models, then set and counter. */
  public static List<String> modelNames() {
    List<String> names = new ArrayList<>(Models.NAMES);
    names.addAll(OTHER_CHECKERS);
    return names;
  }

  /**
   * The checker for {@code model}.
   *
   * @param initialEdn the initial value as EDN, or null for the model's default
   * @throws IllegalArgumentException for an unknown model, a non-positive limit, or an initial
   *     value given to set or counter
   */
  public static HistoryCheck of(
      String model,
      @Nullable String initialEdn,
      long timeoutMillis,
      long maxStates,
      LongSupplier nanoClock) {
    if (timeoutMillis <= 0 || maxStates <= 0) {
      throw new IllegalArgumentException("--timeout-ms and --max-states must be positive");
    }
    Object initialValue = initialEdn == null ? null : EdnHistoryReader.readValue(initialEdn);
    if (OTHER_CHECKERS.contains(model)) {
      if (initialValue != null) {
        throw new IllegalArgumentException("model " + model + " takes no --initial value");
      }
      return new HistoryCheck(
          model.equals("set") ? new SetChecker() : new CounterChecker(), nanoClock);
    }
    var sequential = Models.named(model, initialValue);
    long timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    Checker<History> linear =
        history ->
            new ParallelLinearizabilityChecker(
                    sequential, SearchBudget.steps(maxStates).withTimeout(nanoClock, timeoutNanos))
                .check(history);
    return new HistoryCheck(linear, nanoClock);
  }

  /** Checks each file in order, handing one result line per file to {@code lines}. */
  public Verdict checkAll(List<Path> files, Consumer<String> lines) {
    Verdict overall = Verdict.VALID;
    for (Path file : files) {
      long start = nanoClock.getAsLong();
      CheckResult result = checkFile(file);
      long millis = TimeUnit.NANOSECONDS.toMillis(nanoClock.getAsLong() - start);
      lines.accept(
          file + "\t" + result.verdict() + "\t" + millis + "\t" + oneLine(result.explanation()));
      overall = overall.and(result.verdict());
    }
    return overall;
  }

  private CheckResult checkFile(Path file) {
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
}
