package dev.entente.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.model.check.CheckResult;
import dev.entente.peers.launch.NodePeers;
import dev.entente.peers.launch.PeerSpec;
import dev.entente.peers.sim.PeerRun;
import dev.entente.peers.sim.PeerRunOutcome;
import dev.entente.peers.sim.PeerVerdicts;
import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.SimulationOptions;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A short run of every adapter under the default profile's faults: each answers every request,
 * names itself and its version, and converges. The Node peers need {@code npm ci --prefix
 * peers/node} (run by {@code .ci/run}); without it this test fails and says so.
 */
class PeerAdaptersTest {
  @ParameterizedTest
  @ValueSource(strings = {"automerge-java", "yjs", "automerge-js", "loro"})
  void adapter_shortDefaultRun_answersEverythingAndConverges(String peer) {
    SimulationOptions options = Profile.DEFAULT.resolve(2, Overrides.NONE);
    PeerRunOutcome o = PeerRun.run(options, PeerSpec.parse(peer), false);
    List<CheckResult> verdicts = PeerVerdicts.judge(o);
    assertThat(o.finding()).as("finding").isNull();
    assertThat(o.peerVersion()).startsWith(peer.replace("-java", "-java "));
    assertThat(verdicts.get(1).isValid()).as("%s", verdicts).isTrue();
    assertThat(o.counts().changes()).isPositive();
  }

  @Test
  void nodePeers_installed_elseTheSetUpCommandIsNamed() {
    assertThat(NodePeers.directory()).as("peers/node above the working directory").isNotNull();
    assertThat(Files.isDirectory(NodePeers.directory().resolve("node_modules")))
        .as("Node peers are not installed: run `%s` (bash .ci/run does)", NodePeers.SETUP)
        .isTrue();
  }

  @Test
  void nodePeers_missingDirectory_failsNamingTheSetUp() {
    String before = System.getProperty("entente.peers.node");
    System.setProperty("entente.peers.node", "/nonexistent/peers/node");
    try {
      assertThatThrownBy(() -> NodePeers.command("yjs"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(NodePeers.SETUP);
    } finally {
      if (before == null) {
        System.clearProperty("entente.peers.node");
      } else {
        System.setProperty("entente.peers.node", before);
      }
    }
  }
}
