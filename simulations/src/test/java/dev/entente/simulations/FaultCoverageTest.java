package dev.entente.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.KvOps;
import dev.entente.model.history.OpType;
import dev.entente.simulations.run.Simulation;
import dev.entente.simulations.sync.SyncKind;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The nemesis really does what the options say: every fault shows up in some history. */
class FaultCoverageTest {
  @Test
  void swarmAndNamedProfiles_hitEveryNemesisEvent() {
    Set<String> seen = new TreeSet<>();
    for (Profile p : Profile.values()) {
      for (long seed = 1; seed <= 12; seed++) {
        SimulationOutcome out = Simulation.run(p.resolve(seed, Overrides.NONE));
        for (HistoryOp op : out.history().ops()) {
          if (op.isNemesis()) {
            seen.add(op.f().name());
          }
        }
      }
    }
    assertThat(seen)
        .contains(
            "partition",
            "heal",
            "clog",
            "unclog",
            "crash",
            "restart",
            "pause",
            "resume",
            "clock-step",
            "clock-strobe",
            "clock-strobe-stop",
            "join");
  }

  @Test
  void amnesia_restartsUnderANewReplicaId() {
    boolean found = false;
    for (long seed = 1; seed <= 20 && !found; seed++) {
      SimulationOutcome out = Simulation.run(Profile.CRASHES.resolve(seed, Overrides.NONE));
      for (HistoryOp op : out.history().ops()) {
        if (op.isNemesis()
            && op.f().name().equals("restart")
            && op.value().toString().contains("-r")) {
          found = true;
        }
      }
    }
    assertThat(found).isTrue();
  }

  @Test
  void sequencer_partitionedClients_getTimeouts_andEveryWriteCompletes() {
    int infos = 0;
    for (long seed = 1; seed <= 10; seed++) {
      SimulationOutcome out =
          Simulation.run(
              Profile.PARTITIONS.resolve(seed, Overrides.NONE.withSync(SyncKind.SEQUENCER)));
      long invokes = 0;
      long completions = 0;
      for (HistoryOp op : out.history().clientOps()) {
        if (op.type() == OpType.INVOKE) {
          invokes++;
        } else {
          completions++;
        }
        if (op.type() == OpType.INFO) {
          infos++;
          assertThat(op.f()).isEqualTo(KvOps.WRITE);
        }
        if (op.type() == OpType.OK && op.f().equals(KvOps.WRITE)) {
          assertThat(KvOps.change(op.value()).author().value()).isEqualTo("server");
        }
      }
      assertThat(completions).isEqualTo(invokes);
    }
    assertThat(infos).isGreaterThan(0);
  }
}
