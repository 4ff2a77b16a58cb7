package dev.entente.simulations.trace;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entente.impl.ApplyResult;
import dev.entente.model.Dot;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Key;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import dev.entente.simulations.clock.SimClock;
import java.util.List;
import java.util.Map;

/**
 * The annotation lines the simulator adds to a kept trace for the {@link TraceExporter}: the
 * implementation state after each step that the event log does not show. They are annotations
 * ({@code TraceLog.annotate}): never hashed, so a run's trace hash does not depend on them.
 * Stateless.
 *
 * <ul>
 *   <li>{@code spec node {"replica":"A","skew":S,"drift":D}}: a machine's physical clock ({@link
 *       SimClock} parameters), once per machine when it is added.
 *   <li>{@code spec apply {"replica":"B","result":"applied","dot":"A:1","delivered":["A:1"],
 *       "pt":P,"clock":[W,L],"vv":{"A":1},"values":{"k":["v"]}}}: right after a replica applied a
 *       remote change (every {@code ApplyResult}), with the replica's physical time, its timestamp
 *       clock, its version vector and its materialised map after the apply.
 * </ul>
 */
public final class SpecNotes {
  /** The prefix of a node annotation. */
  public static final String NODE = "spec node ";

  /** The prefix of an apply annotation. */
  public static final String APPLY = "spec apply ";

  static final ObjectMapper JSON = new ObjectMapper();

  private SpecNotes() {}

  /** The annotation of a machine named {@code name} with physical clock {@code physical}. */
  public static String node(String name, SimClock physical) {
    ObjectNode o = JSON.createObjectNode();
    o.put("replica", name);
    o.put("skew", physical.skewMillis());
    o.put("drift", physical.driftPpm());
    return NODE + o;
  }

  /** The annotation of {@code result} at {@code replica}, with its state after the apply. */
  public static String applied(
      ReplicaId replica,
      ApplyResult result,
      long physicalMillis,
      HlcTimestamp clock,
      VersionVector vv,
      MaterialisedMap view) {
    ObjectNode o = JSON.createObjectNode();
    o.put("replica", replica.value());
    o.put("result", resultName(result));
    o.put("dot", result.dot().toString());
    ArrayNode delivered = o.putArray("delivered");
    if (result instanceof ApplyResult.Applied a) {
      for (Dot d : a.delivered()) {
        delivered.add(d.toString());
      }
    }
    o.put("pt", physicalMillis);
    o.putArray("clock").add(clock.wallMillis()).add(clock.logical());
    ObjectNode v = o.putObject("vv");
    for (Map.Entry<ReplicaId, Long> e : vv.entries().entrySet()) {
      v.put(e.getKey().value(), e.getValue());
    }
    ObjectNode values = o.putObject("values");
    for (Map.Entry<Key, List<Value>> e : view.entries().entrySet()) {
      ArrayNode a = values.putArray(e.getKey().value());
      for (Value x : e.getValue()) {
        a.add(x.value());
      }
    }
    return APPLY + o;
  }

  private static String resultName(ApplyResult r) {
    if (r instanceof ApplyResult.Applied) {
      return "applied";
    } else if (r instanceof ApplyResult.Duplicate) {
      return "duplicate";
    } else if (r instanceof ApplyResult.Buffered) {
      return "buffered";
    }
    return "rejected";
  }
}
