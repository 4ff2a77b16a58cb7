package dev.entente.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.model.check.CheckResult;
import dev.entente.model.check.Verdict;
import dev.entente.simulations.check.NamedChecker;
import dev.entente.simulations.driver.Shrinker;
import dev.entente.simulations.driver.SimulationRunner;
import dev.entente.simulations.plan.Schedule;
import dev.entente.simulations.run.Simulation;
import dev.entente.simulations.sync.SyncKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Test the tester: without the time or the means to converge, runs must fail. */
class ConvergenceCheckBitesTest {
  @ParameterizedTest
  @EnumSource(
      value = SyncKind.class,
      names = {"OP", "STATE", "DELTA"})
  void antiEntropyDisabled_runsFail(SyncKind sync) {
    int failed = 0;
    for (long seed = 1; seed <= 5; seed++) {
      SimulationOptions o =
          Profile.DEFAULT.resolve(seed, Overrides.NONE.withSync(sync).withAntiEntropy(false));
      List<String> lines = new ArrayList<>();
      SimulationRunner.Result r = SimulationRunner.run(o, lines::add);
      if (!r.passed()) {
        failed++;
        assertThat(lines.get(lines.size() - 1))
            .startsWith("FAILED seed=" + seed + " ")
            .contains("| replay: ./entente simulate --seed " + seed)
            .contains("--no-anti-entropy");
        assertThat(r.check().parts())
            .anyMatch(p -> p.checker().equals(NamedChecker.EVENTUAL_CONVERGENCE) && !p.isValid());
      }
    }
    // Op push still pushes each change once; with loss, partitions and crashes that is not enough.
    assertThat(failed).isGreaterThanOrEqualTo(sync == SyncKind.OP ? 3 : 5);
  }

  @ParameterizedTest
  @EnumSource(
      value = SyncKind.class,
      names = {"OP", "STATE", "DELTA"})
  void zeroConvergenceBudget_runsFail(SyncKind sync) {
    int failed = 0;
    for (long seed = 1; seed <= 5; seed++) {
      SimulationOptions o =
          Profile.DEFAULT.resolve(seed, Overrides.NONE.withSync(sync).withConvergenceBudget(0));
      SimulationRunner.Result r = SimulationRunner.run(o, line -> {});
      if (!r.passed()) {
        failed++;
        assertThat(r.check().parts())
            .anyMatch(p -> p.checker().equals("liveness") && p.verdict() == Verdict.INVALID);
      }
    }
    assertThat(failed).isGreaterThanOrEqualTo(4);
  }

  @Test
  void calmProfile_passes_andPrintsTheContract() {
    List<String> lines = new ArrayList<>();
    SimulationOptions o = Profile.CALM.resolve(3, Overrides.NONE);
    SimulationRunner.Result r = SimulationRunner.run(o, lines::add);
    assertThat(r.passed()).isTrue();
    assertThat(lines.get(0)).startsWith("simulate seed=3 profile=calm replicas=");
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo("PASSED seed=3 trace=" + r.outcome().traceHash());
  }

  @Test
  void shrinker_failingRun_keepsFailingWithFewerOpsAndFaults() {
    SimulationOptions o =
        Profile.DEFAULT.resolve(
            2, Overrides.NONE.withSync(SyncKind.DELTA).withAntiEntropy(false).withOps(60));
    Schedule schedule = Simulation.plan(o);
    CheckResult original =
        SimulationRunner.judge(
            Simulation.run(o, schedule, List.of(), false), NamedChecker.defaults());
    assertThat(original.isValid()).isFalse();
    Shrinker.Shrunk s = Shrinker.shrink(o, schedule, NamedChecker.defaults(), 200);
    assertThat(s.check().isValid()).isFalse();
    assertThat(s.schedule().ops().size()).isLessThan(schedule.ops().size()).isLessThanOrEqualTo(3);
    assertThat(s.schedule().faults().size()).isLessThanOrEqualTo(schedule.faults().size());
  }
}
