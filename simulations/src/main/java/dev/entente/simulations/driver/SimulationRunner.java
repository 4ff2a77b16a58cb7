package dev.entente.simulations.driver;

import dev.entente.model.check.CheckResult;
import dev.entente.model.check.Checker;
import dev.entente.model.check.Verdict;
import dev.entente.model.coverage.Coverage;
import dev.entente.simulations.SimulationOptions;
import dev.entente.simulations.SimulationOutcome;
import dev.entente.simulations.check.NamedChecker;
import dev.entente.simulations.plan.Schedule;
import dev.entente.simulations.run.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs one seed and judges it, with the output contract: the first line is {@code simulate} and
 * every option; then a {@code stats} line and a {@code marks} line (the coverage marks the run hit,
 * also in {@link SimulationOutcome#marks}); if the run broke, an {@code error} line and the full
 * stack trace of what broke it (so a replay shows where); the last line is {@code PASSED seed=S
 * trace=<sha256>} or {@code FAILED seed=S <reason> | replay: ./entente simulate --seed S ...}.
 * Stateless.
 *
 * <p>A run fails if it broke (an exception, an invariant violation, a failed {@code checkRep()}),
 * if a step checker failed, if it was not quiescent within the convergence budget, or if any
 * checker says INVALID or UNKNOWN.
 */
public final class SimulationRunner {
  /**
   * The run, its composed verdict, the last line printed, and the violations that are expected
   * anomalies of the run's design variant (reported, not failures).
   */
  public record Result(
      SimulationOutcome outcome, CheckResult check, String lastLine, List<CheckResult> anomalies) {
    /** Copies the list. */
    public Result {
      anomalies = List.copyOf(anomalies);
    }

    /** True if every part of the verdict is VALID. */
    public boolean passed() {
      return check.isValid();
    }
  }

  private SimulationRunner() {}

  /** Runs {@code options}' own schedule with the default checkers, printing to {@code out}. */
  public static Result run(SimulationOptions options, Consumer<String> out) {
    return run(options, Simulation.plan(options), NamedChecker.defaults(), false, out);
  }

  /** Runs {@code schedule} and judges it with {@code checkers}, printing to {@code out}. */
  public static Result run(
      SimulationOptions options,
      Schedule schedule,
      List<NamedChecker> checkers,
      boolean keepTrace,
      Consumer<String> out) {
    out.accept(firstLine(options));
    SimulationOutcome outcome;
    try (Coverage.Recorder marks = Coverage.record()) {
      outcome = Simulation.run(options, schedule, List.of(), keepTrace).withMarks(marks.counts());
    }
    List<CheckResult> anomalies = new ArrayList<>();
    CheckResult check = judge(outcome, checkers, anomalies);
    out.accept("stats " + outcome.stats().describe());
    out.accept(marksLine(outcome.marks()));
    String error = outcome.error();
    String stackTrace = outcome.errorStackTrace();
    // An outcome has both or neither (SimulationOutcome checks it).
    if (error != null && stackTrace != null) {
      out.accept("error " + error);
      stackTrace.lines().forEach(out);
    }
    for (CheckResult a : anomalies) {
      out.accept("anomaly " + a.checker() + " (expected for this design): " + a.explanation());
    }
    String last = lastLine(outcome, check);
    out.accept(last);
    return new Result(outcome, check, last, anomalies);
  }

  /** {@code simulate} and every option. */
  public static String firstLine(SimulationOptions options) {
    return "simulate " + options.describe();
  }

  /**
   * {@code marks} and each coverage mark the run hit as {@code name=count}, sorted by name, or
   * {@code marks none}.
   */
  public static String marksLine(Map<String, Long> marks) {
    if (marks.isEmpty()) {
      return "marks none";
    }
    StringBuilder line = new StringBuilder("marks");
    marks.forEach((name, n) -> line.append(' ').append(name).append('=').append(n));
    return line.toString();
  }

  /** Composes the run's own failures (error, step check, liveness) with the checkers' verdicts. */
  public static CheckResult judge(SimulationOutcome outcome, List<NamedChecker> checkers) {
    return judge(outcome, checkers, new ArrayList<>());
  }

  /**
   * Like {@link #judge(SimulationOutcome, List)}, moving violations that are expected anomalies of
   * the run's design variant into {@code anomalies} instead of the verdict.
   */
  public static CheckResult judge(
      SimulationOutcome outcome, List<NamedChecker> checkers, List<CheckResult> anomalies) {
    List<CheckResult> parts = new ArrayList<>();
    if (outcome.error() != null) {
      parts.add(CheckResult.invalid("run", "the run broke " + outcome.error()));
    }
    if (outcome.stepFailure() != null) {
      parts.add(outcome.stepFailure());
    }
    if (outcome.error() == null && outcome.stepFailure() == null) {
      parts.add(
          outcome.quiescent()
              ? CheckResult.valid(
                  "liveness", "quiescent after " + outcome.stats().convergenceTicks() + " ticks")
              : CheckResult.invalid(
                  "liveness",
                  "not quiescent within "
                      + outcome.options().timing().convergenceBudgetTicks()
                      + " ticks of the convergence phase"));
      for (NamedChecker c : checkers) {
        CheckResult r = Checker.safely(c.name(), c.checker(), outcome);
        if (r.verdict() == Verdict.INVALID && c.allowsAnomalyIn(outcome.options())) {
          anomalies.add(r);
        } else {
          parts.add(r);
        }
      }
    }
    return CheckResult.all("simulation", parts);
  }

  /** The contract's last line. */
  public static String lastLine(SimulationOutcome outcome, CheckResult check) {
    long seed = outcome.options().seed();
    if (check.isValid()) {
      return "PASSED seed=" + seed + " trace=" + outcome.traceHash();
    }
    String reason = check.explanation().replace('\n', ' ');
    if (reason.length() > 400) {
      reason = reason.substring(0, 400) + "...";
    }
    return "FAILED seed=" + seed + " " + reason + " | replay: " + outcome.options().replayCommand();
  }
}
