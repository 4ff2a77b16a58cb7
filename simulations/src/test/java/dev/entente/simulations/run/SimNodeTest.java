package dev.entente.simulations.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.simulations.Overrides;
import dev.entente.simulations.Profile;
import dev.entente.simulations.SimulationOptions;
import dev.entente.simulations.event.EventLoop;
import dev.entente.simulations.event.RunEvents;
import dev.entente.simulations.event.TraceLog;
import dev.entente.simulations.sync.SyncKind;
import org.junit.jupiter.api.Test;

/**
 * A machine's parts are there only while it runs them: asking for a missing one is a bug in the
 * run, reported as a typed error naming the machine, never a NullPointerException.
 */
class SimNodeTest {
  private static Cluster started(SyncKind sync) {
    SimulationOptions options = Profile.DEFAULT.resolve(1, Overrides.NONE.withSync(sync));
    Cluster cluster =
        new Cluster(options, new TraceLog(false), new EventLoop(), new RunEvents(false));
    cluster.start();
    return cluster;
  }

  @Test
  void upReplicaNode_parts_areItsRunningIncarnation() {
    SimNode node = started(SyncKind.DELTA).machines().get(0);
    assertThat(node.replica()).isSameAs(node.replica);
    assertThat(node.clock()).isSameAs(node.clock);
    assertThat(node.sync()).isSameAs(node.sync);
  }

  @Test
  void crashedNode_replica_throwsIllegalStateNamingTheNode() {
    SimNode node = started(SyncKind.DELTA).machines().get(0);
    node.crash(false);
    assertThatThrownBy(node::replica)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(node.id + "(CRASHED) has no replica");
    assertThatThrownBy(node::sync)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(node.id + "(CRASHED) has no anti-entropy protocol");
  }

  @Test
  void replicaNode_sequencer_throwsIllegalState() {
    SimNode node = started(SyncKind.DELTA).machines().get(0);
    assertThatThrownBy(node::sequencer)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageEndingWith("has no sequencer");
  }

  @Test
  void clusterUnderAntiEntropy_requireServer_throwsIllegalState() {
    Cluster cluster = started(SyncKind.DELTA);
    assertThat(cluster.server()).isNull();
    assertThatThrownBy(cluster::requireServer)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("not under the sequencer: the run has no server");
  }

  @Test
  void clusterUnderSequencer_requireServer_isTheServerRunningTheSequencer() {
    Cluster cluster = started(SyncKind.SEQUENCER);
    SimNode server = cluster.requireServer();
    assertThat(server).isSameAs(cluster.server());
    assertThat(server.sequencer()).isSameAs(server.sequencer);
    assertThatThrownBy(server::sync).isInstanceOf(IllegalStateException.class);
  }
}
