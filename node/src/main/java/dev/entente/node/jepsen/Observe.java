package dev.entente.node.jepsen;

import dev.entente.histories.EdnHistoryReader;
import dev.entente.impl.codec.ChangeCodec;
import dev.entente.impl.codec.DecodeException;
import dev.entente.model.Change;
import dev.entente.model.ReplicaId;
import dev.entente.model.check.ReplicaObservation;
import dev.entente.model.history.Keyword;
import dev.entente.model.history.KvOps;
import dev.entente.node.RealTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads the nodes' states through their control APIs and waits, bounded, for convergence. */
final class Observe {
  private Observe() {}

  /** One node's state, or null if it does not answer. */
  static @Nullable ReplicaObservation state(Cluster.Node n) {
    try {
      Map<?, ?> s = (Map<?, ?>) EdnHistoryReader.readValue(n.control().get("/state"));
      List<Change> delivered = new ArrayList<>();
      if (!(s.get(Keyword.of("changes")) instanceof List<?> hexes)) {
        return null;
      }
      for (Object hex : hexes) {
        delivered.add(ChangeCodec.decode(HexFormat.of().parseHex((String) hex)));
      }
      Object read = s.get(Keyword.of("read"));
      return new ReplicaObservation(ReplicaId.of(n.id()), delivered, KvOps.readView(read));
    } catch (ControlClient.ControlException | DecodeException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Polls every node until all answer with the same delivered changes, at most {@code seconds};
   * returns the last observations (fewer than the nodes if some never answered).
   */
  static List<ReplicaObservation> converge(List<Cluster.Node> nodes, int seconds) {
    long deadline = RealTime.nanos() + seconds * 1_000_000_000L;
    List<ReplicaObservation> last = List.of();
    while (true) {
      List<ReplicaObservation> now = new ArrayList<>();
      for (Cluster.Node n : nodes) {
        ReplicaObservation o = state(n);
        if (o != null) {
          now.add(o);
        }
      }
      last = now;
      if (now.size() == nodes.size() && same(now)) {
        return now;
      }
      if (RealTime.nanos() > deadline) {
        return last;
      }
      RealTime.sleep(250);
    }
  }

  static boolean same(List<ReplicaObservation> obs) {
    Set<Change> first = new HashSet<>(obs.get(0).delivered());
    for (ReplicaObservation o : obs) {
      if (!new HashSet<>(o.delivered()).equals(first)) {
        return false;
      }
    }
    return true;
  }
}
