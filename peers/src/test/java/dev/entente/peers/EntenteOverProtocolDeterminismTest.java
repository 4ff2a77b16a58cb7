package dev.entente.peers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.model.check.CheckResult;
import dev.entente.peers.launch.PeerSpec;
import dev.entente.peers.sim.PeerRun;
import dev.entente.peers.sim.PeerRunOutcome;
import dev.entente.peers.sim.PeerVerdicts;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.SimulationOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reference peer over the protocol: Entente's replica in a child process gives, seed for seed,
 * the same trace (every request and reply line, the history, the network's deliveries) as the same
 * replica in process, and passes every verdict.
 */
class EntenteOverProtocolDeterminismTest {
  @Test
  void entente_sameSeedInProcessAndOverChildProcess_sameTraceHashAndHistory() {
    for (long seed = 1; seed <= 2; seed++) {
      SimulationOptions options = Profile.DEFAULT.resolve(seed, Overrides.NONE);
      PeerRunOutcome inProcess = PeerRun.run(options, PeerSpec.parse("entente"), false);
      PeerRunOutcome child =
          PeerRun.run(options, PeerTestSupport.javaPeer("stdio", PeerStdioMain.class), false);
      assertThat(child.finding()).as("seed %d finding", seed).isNull();
      assertThat(child.traceHash()).as("seed %d trace hash", seed).isEqualTo(inProcess.traceHash());
      assertThat(child.history()).isEqualTo(inProcess.history());
    }
  }

  @Test
  void entente_inProcess_passesEveryVerdictAndRepeatsItsTrace() {
    for (long seed = 1; seed <= 3; seed++) {
      SimulationOptions options = Profile.DEFAULT.resolve(seed, Overrides.NONE);
      PeerRunOutcome first = PeerRun.run(options, PeerSpec.parse("entente"), false);
      List<CheckResult> verdicts = PeerVerdicts.judge(first);
      assertThat(PeerVerdicts.passed(verdicts)).as("seed %d: %s", seed, verdicts).isTrue();
      assertThat(first.counts().changes()).isPositive();
      assertThat(PeerRun.run(options, PeerSpec.parse("entente"), false).traceHash())
          .isEqualTo(first.traceHash());
    }
  }
}
