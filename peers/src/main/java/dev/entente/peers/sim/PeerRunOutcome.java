package dev.entente.peers.sim;

import dev.entente.model.check.ReplicaObservation;
import dev.entente.model.history.History;
import dev.entente.peers.cluster.ClusterCounts;
import dev.entente.peers.protocol.PeerFinding;
import dev.entente.simulations.SimulationOptions;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one peer run produced: the options and the peer, what the peer said it is, the history, the
 * observations at the end of the safety phase and at the end of the run, whether the replicas
 * became quiescent (same knowledge, same map) within the convergence budget, the finding that
 * stopped the run if any, the counters and the trace hash. Immutable.
 *
 * @param peerName the {@code --peer} value
 * @param peerVersion what {@code init_ok} said ({@code name version}), or {@code unknown}
 */
public record PeerRunOutcome(
    SimulationOptions options,
    String peerName,
    String peerVersion,
    String replayCommand,
    History history,
    List<ReplicaObservation> safetyObservations,
    List<ReplicaObservation> finalObservations,
    boolean quiescent,
    @Nullable PeerFinding finding,
    ClusterCounts counts,
    String traceHash,
    List<String> traceLines) {
  /** Copies the lists. */
  public PeerRunOutcome {
    safetyObservations = List.copyOf(safetyObservations);
    finalObservations = List.copyOf(finalObservations);
    traceLines = List.copyOf(traceLines);
  }
}
