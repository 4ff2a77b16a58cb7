package dev.entente.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.simulations.check.NamedChecker;
import dev.entente.simulations.driver.SimulationRunner;
import dev.entente.simulations.plan.PlannedOp;
import dev.entente.simulations.plan.Schedule;
import dev.entente.simulations.run.Simulation;
import dev.entente.simulations.workload.ClientOp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run that breaks keeps the full stack trace of what broke it, and the runner prints it before
 * the last line, so both the first run and its replay show where it broke.
 */
class BrokenRunTest {
  private static final SimulationOptions OPTIONS = Profile.DEFAULT.resolve(1, Overrides.NONE);

  /** The seed's own schedule plus an op planned before tick 0, which the event loop refuses. */
  private static Schedule breaking() {
    Schedule plan = Simulation.plan(OPTIONS);
    List<PlannedOp> ops = new ArrayList<>(plan.ops());
    ops.add(new PlannedOp(-1, 0, new ClientOp.Read()));
    return plan.withOps(ops);
  }

  @Test
  void brokenRun_outcome_keepsTheFullStackTrace() {
    SimulationOutcome outcome = Simulation.run(OPTIONS, breaking(), List.of(), false);

    assertThat(outcome.error()).startsWith("at tick 0: java.lang.IllegalArgumentException");
    assertThat(outcome.errorStackTrace())
        .startsWith("java.lang.IllegalArgumentException: cannot schedule op @-1")
        .contains("at dev.entente.simulations.event.EventLoop.at(")
        .contains("at dev.entente.simulations.run.Simulation.");
  }

  @Test
  void brokenRun_runnerOutput_printsTheErrorAndItsStackTraceBeforeTheLastLine() {
    List<String> lines = new ArrayList<>();
    SimulationRunner.Result r =
        SimulationRunner.run(OPTIONS, breaking(), NamedChecker.defaults(), false, lines::add);

    assertThat(r.passed()).isFalse();
    int error = lines.indexOf("error " + r.outcome().error());
    assertThat(error).as("the error line in %s", lines).isPositive();
    assertThat(lines.subList(error + 1, lines.size() - 1))
        .containsExactlyElementsOf(r.outcome().errorStackTrace().lines().toList());
    assertThat(lines.get(lines.size() - 1))
        .startsWith(
            "FAILED seed=1 run: INVALID: the run broke at tick 0: java.lang.IllegalArgumentException");
  }

  @Test
  void runThatDoesNotBreak_hasNoErrorAndNoStackTrace() {
    List<String> lines = new ArrayList<>();
    SimulationRunner.Result r = SimulationRunner.run(OPTIONS, lines::add);

    assertThat(r.outcome().error()).isNull();
    assertThat(r.outcome().errorStackTrace()).isNull();
    assertThat(lines).noneMatch(l -> l.startsWith("error "));
  }
}
