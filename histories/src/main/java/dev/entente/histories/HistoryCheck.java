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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
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

  /**
   * Checks the files in parallel, on as many threads as there are processors (a single file on the
   * calling thread), and hands one result line per file to {@code lines} in the files' order, each
   * as soon as it and the files before it are done. Each file's milliseconds are its own wall time,
   * so they include waiting for the processors the other files share.
   */
  public Verdict checkAll(List<Path> files, Consumer<String> lines) {
    int threads = Math.min(files.size(), Runtime.getRuntime().availableProcessors());
    if (threads <= 1) {
      return report(
          files.stream().map(f -> CompletableFuture.completedFuture(timedCheck(f))), lines);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, HistoryCheck::daemon);
    try {
      List<CompletableFuture<Line>> pending = new ArrayList<>(files.size());
      for (Path file : files) {
        pending.add(CompletableFuture.supplyAsync(() -> timedCheck(file), pool));
      }
      return report(pending.stream(), lines);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Verdict report(Stream<CompletableFuture<Line>> inOrder, Consumer<String> lines) {
    Verdict overall = Verdict.VALID;
    for (CompletableFuture<Line> line : (Iterable<CompletableFuture<Line>>) inOrder::iterator) {
      Line done = line.join();
      lines.accept(done.text());
      overall = overall.and(done.verdict());
    }
    return overall;
  }

  private static Thread daemon(Runnable task) {
    Thread t = new Thread(task, "entente-check-file");
    t.setDaemon(true);
    return t;
  }

  /** One file's result line and verdict. */
  private record Line(String text, Verdict verdict) {}

  private Line timedCheck(Path file) {
    long start = nanoClock.getAsLong();
    CheckResult result = checkFile(file);
    long millis = TimeUnit.NANOSECONDS.toMillis(nanoClock.getAsLong() - start);
    return new Line(
        file + "\t" + result.verdict() + "\t" + millis + "\t" + oneLine(result.explanation()),
        result.verdict());
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
