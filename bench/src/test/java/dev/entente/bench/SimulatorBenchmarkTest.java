package dev.entente.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.simulations.SimulationOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulator benchmark does the work it claims (complete passing runs of successive seeds,
 * counting their events), and its JMH results become the simulator table. Measures nothing.
 */
class SimulatorBenchmarkTest {
  private static final String JMH_JSON =
      """
      [ {"benchmark": "dev.entente.bench.SimulatorBenchmark.defaultProfileRun", "mode": "thrpt",
         "params": {"policy": "MV"},
         "primaryMetric": {"score": 20.5, "scoreError": 1.5, "scoreUnit": "ops/s"},
         "secondaryMetrics": {"events": {"score": 21000.0, "scoreError": 900.0,
                                         "scoreUnit": "ops/s"}}},
        {"benchmark": "dev.entente.bench.ClockBenchmark.hlcNow", "mode": "avgt",
         "primaryMetric": {"score": 25.0, "scoreError": 1.0, "scoreUnit": "ns/op"}} ]
      """;

  @Test
  void defaultProfileRun_successiveCalls_runSuccessiveSeedsAndCountTheirEvents() {
    SimulatorBenchmark bench = new SimulatorBenchmark();
    bench.policy = "LWW";
    bench.setUp();
    SimulatorBenchmark.Events counter = new SimulatorBenchmark.Events();
    counter.reset();

    SimulationOutcome first = bench.defaultProfileRun(counter);
    SimulationOutcome second = bench.defaultProfileRun(counter);

    assertThat(first.options().seed()).isEqualTo(1);
    assertThat(second.options().seed()).isEqualTo(2);
    assertThat(first.error()).isNull();
    assertThat(first.quiescent()).isTrue();
    assertThat(counter.events)
        .isPositive()
        .isEqualTo(first.stats().events() + second.stats().events());
  }

  @Test
  void simulatorRates_ofJmhJson_areRunsPerMinuteAndEventsPerSecond() throws Exception {
    List<SimulatorRates.Row> rows = SimulatorRates.parse(JMH_JSON);

    assertThat(rows).containsExactly(new SimulatorRates.Row("MV", 1230.0, 90.0, 21000.0));
    assertThat(SimulatorRates.table(rows))
        .contains("simulator, default profile, one core")
        .contains("MV")
        .contains("1230")
        .contains("21000");
  }

  @Test
  void simulatorRates_withoutSimulatorResults_areEmpty() throws Exception {
    assertThat(SimulatorRates.parse("[]")).isEmpty();
    assertThat(SimulatorRates.table(List.of())).isEmpty();
  }
}
