package dev.entente.simulations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.model.coverage.MarkCatalogue;
import dev.entente.simulations.coverage.SimMark;
import dev.entente.simulations.run.Simulation;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MarkSummaryTest {
  private static final MarkCatalogue NET =
      MarkCatalogue.of(List.of(SimMark.NET_LOST, SimMark.NET_DUPLICATED, SimMark.NET_REORDERED));

  @Test
  void of_sumsHitsAndRuns_andKeepsTheSmallestSeedPerMark() {
    List<SimulationOutcome> runs =
        List.of(
            run(7, Map.of("net-lost", 3L, "net-duplicated", 1L)),
            run(2, Map.of("net-lost", 5L)),
            run(4, Map.of()));

    MarkSummary s = MarkSummary.of(NET, runs);

    assertThat(s.runs()).isEqualTo(3);
    assertThat(s.byMark())
        .containsExactly(
            Map.entry("net-duplicated", new MarkSummary.Tally(1, 1, OptionalLong.of(7))),
            Map.entry("net-lost", new MarkSummary.Tally(8, 2, OptionalLong.of(2))),
            Map.entry("net-reordered", new MarkSummary.Tally(0, 0, OptionalLong.empty())));
  }

  @Test
  void unreached_namesTheMarksNoRunHit() {
    MarkSummary s = MarkSummary.of(NET, List.of(run(1, Map.of("net-lost", 1L))));

    assertThat(s.unreached()).containsExactly("net-duplicated", "net-reordered");
  }

  @Test
  void of_noRuns_reachesNothing() {
    assertThat(MarkSummary.of(NET, List.of()).unreached())
        .containsExactly("net-duplicated", "net-lost", "net-reordered");
  }

  @Test
  void of_countsOfAMarkTheCatalogueLacks_areRejected() {
    List<SimulationOutcome> runs = List.of(run(1, Map.of("net-lots", 1L)));

    assertThatThrownBy(() -> MarkSummary.of(NET, runs))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown coverage mark 'net-lots'");
  }

  /** A real calm run under {@code seed}, carrying {@code marks} as its counts. */
  private static SimulationOutcome run(long seed, Map<String, Long> marks) {
    SimulationOptions o = Profile.CALM.resolve(seed, Overrides.NONE.withOps(5));
    return Simulation.run(o).withMarks(new TreeMap<>(marks));
  }
}
