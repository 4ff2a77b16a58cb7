package dev.entente.simulations.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.SimulationOptions;
import dev.entente.simulations.event.EventLoop;
import dev.entente.simulations.event.RunEvents;
import dev.entente.simulations.event.TraceLog;
import dev.entente.simulations.plan.FaultKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulator's nemesis: one family per scheduled fault kind, none for the ambient ones. */
class CompositeNemesisTest {
  private static final SimulationOptions OPTIONS = Profile.DEFAULT.resolve(1, Overrides.NONE);

  @Test
  void everyScheduledFaultKind_isStartedByExactlyOneFamily() {
    Cluster cluster =
        new Cluster(OPTIONS, new TraceLog(false), new EventLoop(), new RunEvents(false));
    List<Nemesis> families =
        List.of(
            new PartitionNemesis(cluster),
            new ClogNemesis(cluster),
            new StorageNemesis(cluster),
            new ProcessNemesis(cluster),
            new ClockNemesis(cluster, OPTIONS.clock()),
            new JoinNemesis(cluster),
            new MessageNemesis(cluster));
    for (FaultKind k : FaultKind.values()) {
      long starters = families.stream().filter(n -> n.kinds().contains(k)).count();
      assertThat(starters)
          .as("families starting %s", k.optionName())
          .isEqualTo(k.scheduled() ? 1 : 0);
    }
    assertThat(CompositeNemesis.all(cluster, OPTIONS.clock()).kinds())
        .allMatch(FaultKind::scheduled);
  }
}
