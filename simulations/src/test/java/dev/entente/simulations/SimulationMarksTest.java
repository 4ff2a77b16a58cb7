package dev.entente.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.coverage.ImplMark;
import dev.entente.simulations.check.NamedChecker;
import dev.entente.simulations.coverage.Marks;
import dev.entente.simulations.coverage.SimMark;
import dev.entente.simulations.driver.SimulationRunner;
import dev.entente.simulations.run.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Coverage marks per run: counted by the runner, printed, deterministic, and observation only. */
class SimulationMarksTest {
  private static final SimulationOptions DEFAULT_1 = Profile.DEFAULT.resolve(1, Overrides.NONE);

  @Test
  void catalogue_holdsEveryImplAndSimulatorMark() {
    assertThat(Marks.CATALOGUE.all())
        .hasSize(ImplMark.values().length + SimMark.values().length)
        .contains(ImplMark.values())
        .contains(SimMark.values())
        .hasSizeGreaterThanOrEqualTo(25);
  }

  @Test
  void runner_printsTheMarksBeforeTheLastLine_whichKeepsItsFormat() {
    List<String> lines = new ArrayList<>();

    SimulationRunner.Result r = SimulationRunner.run(DEFAULT_1, lines::add);

    assertThat(r.outcome().marks()).isNotEmpty();
    assertThat(lines).contains(SimulationRunner.marksLine(r.outcome().marks()));
    assertThat(lines.indexOf(SimulationRunner.marksLine(r.outcome().marks())))
        .isLessThan(lines.size() - 1);
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo(r.lastLine())
        .isEqualTo("PASSED seed=1 trace=" + r.outcome().traceHash());
  }

  @Test
  void marksLine_listsNameEqualsCount_sortedByName() {
    SortedMap<String, Long> marks = new TreeMap<>(Map.of("net-lost", 3L, "hlc-remote-ahead", 12L));

    assertThat(SimulationRunner.marksLine(marks)).isEqualTo("marks hlc-remote-ahead=12 net-lost=3");
    assertThat(SimulationRunner.marksLine(Map.of())).isEqualTo("marks none");
  }

  @Test
  void runnerMarks_nameOnlyCatalogueMarks() {
    SimulationOutcome outcome = SimulationRunner.run(DEFAULT_1, line -> {}).outcome();

    assertThat(Marks.CATALOGUE.names()).containsAll(outcome.marks().keySet());
  }

  @Test
  void sameSeedTwice_countsTheSameMarks() {
    SimulationOutcome a = SimulationRunner.run(DEFAULT_1, line -> {}).outcome();
    SimulationOutcome b = SimulationRunner.run(DEFAULT_1, line -> {}).outcome();

    assertThat(a.marks()).isEqualTo(b.marks());
  }

  @Test
  void recordingMarks_changesNoTraceHash() {
    for (Profile p : List.of(Profile.DEFAULT, Profile.SWARM)) {
      SimulationOptions o = p.resolve(2, Overrides.NONE);

      String recorded = SimulationRunner.run(o, line -> {}).outcome().traceHash();

      assertThat(recorded).isEqualTo(Simulation.run(o).traceHash());
    }
  }

  @Test
  void keepingTheTrace_changesNoMark() {
    SimulationOptions o = Profile.SWARM.resolve(3, Overrides.NONE);

    SortedMap<String, Long> kept = runKeepingTrace(o, true);
    SortedMap<String, Long> hashedOnly = runKeepingTrace(o, false);

    assertThat(kept).isNotEmpty().isEqualTo(hashedOnly);
  }

  @Test
  void bareSimulationRun_hasNoMarks() {
    assertThat(Simulation.run(DEFAULT_1).marks()).isEmpty();
  }

  @Test
  void runsOnTwoThreadsAtOnce_countTheSameMarksAsRunsOneAfterTheOther() throws Exception {
    SimulationOptions one = Profile.DEFAULT.resolve(4, Overrides.NONE);
    SimulationOptions two = Profile.CRASHES.resolve(5, Overrides.NONE);
    SortedMap<String, Long> alone1 = SimulationRunner.run(one, line -> {}).outcome().marks();
    SortedMap<String, Long> alone2 = SimulationRunner.run(two, line -> {}).outcome().marks();

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<SimulationOutcome> f1 =
          pool.submit(() -> SimulationRunner.run(one, l -> {}).outcome());
      Future<SimulationOutcome> f2 =
          pool.submit(() -> SimulationRunner.run(two, l -> {}).outcome());

      assertThat(f1.get().marks()).isEqualTo(alone1);
      assertThat(f2.get().marks()).isEqualTo(alone2);
    } finally {
      pool.shutdownNow();
    }
  }

  private static SortedMap<String, Long> runKeepingTrace(SimulationOptions o, boolean keepTrace) {
    return SimulationRunner.run(
            o, Simulation.plan(o), NamedChecker.defaults(), keepTrace, line -> {})
        .outcome()
        .marks();
  }
}
