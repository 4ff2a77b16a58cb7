package dev.entente.node.jepsen;

import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.check.CheckResult;
import dev.entente.model.check.Checker;
import dev.entente.model.check.ReplicaObservation;
import dev.entente.model.history.History;
import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.KvOps;
import dev.entente.model.history.OpType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * No acknowledged write lost: every write the history completes {@code :ok} is, after the heal,
 * delivered with the same content at every node. A SIGKILL between the commit and the reply may
 * leave a write {@code :info}; that one may be anywhere, but an {@code :ok} one was durable.
 */
final class AcknowledgedWrites implements Checker<AcknowledgedWrites.Input> {
  /** The checker's name in results. */
  static final String NAME = "no-acknowledged-write-lost";

  /** The history and the nodes' final observations. */
  record Input(History history, List<ReplicaObservation> finals) {}

  @Override
  public CheckResult check(Input in) {
    if (in.finals().isEmpty()) {
      return CheckResult.unknown(NAME, "no final observation of any node");
    }
    int acked = 0;
    for (HistoryOp op : in.history().clientOps()) {
      if (op.type() != OpType.OK || !KvOps.WRITE.equals(op.f())) {
        continue;
      }
      acked++;
      Change c = KvOps.change(op.value());
      for (ReplicaObservation o : in.finals()) {
        Map<Dot, Change> held = new HashMap<>();
        o.delivered().forEach(d -> held.put(d.dot(), d));
        if (!c.equals(held.get(c.dot()))) {
          return CheckResult.invalid(
              NAME,
              "write "
                  + c.dot()
                  + " acknowledged at index "
                  + op.index()
                  + " is "
                  + (held.containsKey(c.dot()) ? "different" : "missing")
                  + " at "
                  + o.replica());
        }
      }
    }
    return CheckResult.valid(
        NAME, acked + " acknowledged writes held by all " + in.finals().size() + " nodes");
  }
}
