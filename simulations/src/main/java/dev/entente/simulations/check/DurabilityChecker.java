package dev.entente.simulations.check;

import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.ReplicaId;
import dev.entente.model.check.CheckResult;
import dev.entente.model.check.KvHistoryIndex;
import dev.entente.model.check.ReplicaObservation;
import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.Keyword;
import dev.entente.model.history.KvOps;
import dev.entente.model.history.OpType;
import dev.entente.simulations.SimulationOutcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Acknowledged means durable, in a storage-backed run: every write the history shows as {@code :ok}
 * is delivered by every replica at the end, whatever crashed, tore, flipped or filled up on the
 * way; and a write that failed because its commit failed ({@code :fail}, {@code :error :storage})
 * is delivered by none, since nothing of it was stored. The one exception is a write whose author
 * later suffered amnesia (its disk wiped): a write only that disk held is lost by the fault's
 * definition, not by a bug. Runs that are not storage-backed are judged valid without a look (their
 * crashes keep the whole replica state, a property of the simulator rather than of storage).
 * Stateless.
 */
public final class DurabilityChecker {
  /** The name it reports under. */
  public static final String NAME = "acknowledged-writes-survive";

  private static final Keyword CRASH = Keyword.of("crash");
  private static final Keyword NODE = Keyword.of("node");
  private static final Keyword AMNESIA = Keyword.of("amnesia");
  private static final Keyword STORAGE = Keyword.of("storage");

  private DurabilityChecker() {}

  /** Judges {@code outcome}. */
  public static CheckResult check(SimulationOutcome outcome) {
    if (!outcome.options().storageBacked()) {
      return CheckResult.valid(NAME, "not storage-backed");
    }
    if (outcome.finalObservations().isEmpty()) {
      return CheckResult.unknown(NAME, "no final observations (the run broke or no replica is up)");
    }
    Set<ReplicaId> wiped = wiped(outcome.history().ops());
    List<String> lost = new ArrayList<>();
    int checked = 0;
    for (Dot d : new KvHistoryIndex(outcome.history()).writes().keySet()) {
      if (wiped.contains(d.replica())) {
        continue;
      }
      checked++;
      for (ReplicaObservation o : outcome.finalObservations()) {
        if (!delivered(o).contains(d)) {
          lost.add(d + " at " + o.replica());
        }
      }
    }
    if (!lost.isEmpty()) {
      return CheckResult.invalid(
          NAME, lost.size() + " acknowledged writes missing at the end: " + first(lost));
    }
    List<String> resurfaced = resurfaced(outcome);
    if (!resurfaced.isEmpty()) {
      return CheckResult.invalid(
          NAME,
          resurfaced.size() + " writes whose commit failed are delivered: " + first(resurfaced));
    }
    return CheckResult.valid(
        NAME, checked + " acknowledged writes delivered everywhere, no unstored write delivered");
  }

  private static List<String> resurfaced(SimulationOutcome outcome) {
    List<String> out = new ArrayList<>();
    for (HistoryOp op : outcome.history().clientOps()) {
      if (op.type() == OpType.FAIL
          && KvOps.WRITE.equals(op.f())
          && STORAGE.equals(op.error())
          && KvOps.isCompleteWrite(op.value())) {
        Change failed = KvOps.change(op.value());
        for (ReplicaObservation o : outcome.finalObservations()) {
          if (o.delivered().contains(failed)) {
            out.add(failed.dot() + " at " + o.replica());
          }
        }
      }
    }
    return out;
  }

  private static Set<ReplicaId> wiped(List<HistoryOp> ops) {
    Set<ReplicaId> out = new TreeSet<>();
    for (HistoryOp op : ops) {
      if (op.isNemesis()
          && CRASH.equals(op.f())
          && op.value() instanceof Map<?, ?> m
          && Boolean.TRUE.equals(m.get(AMNESIA))
          && m.get(NODE) instanceof String node) {
        out.add(ReplicaId.of(node));
      }
    }
    return out;
  }

  private static Set<Dot> delivered(ReplicaObservation o) {
    Set<Dot> out = new HashSet<>();
    o.delivered().forEach(c -> out.add(c.dot()));
    return out;
  }

  private static String first(List<String> lost) {
    return lost.size() <= 5 ? lost.toString() : lost.subList(0, 5) + " ...";
  }
}
