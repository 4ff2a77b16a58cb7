package dev.entente.impl.snapshot;

import dev.entente.model.Change;
import dev.entente.model.Check;
import dev.entente.model.Dot;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.VersionVector;
import java.util.List;

/** The invariants of a {@link Snapshot}, stated once so that the record stays a plain record. */
final class SnapshotRules {
  private SnapshotRules() {}

  static void check(
      RegisterPolicy policy,
      VersionVector delivered,
      List<Dot> beyond,
      VersionVector gcFrontier,
      List<Change> entries,
      List<Change> pending) {
    checkBeyond(policy, delivered, beyond);
    Check.argument(
        delivered.dominates(gcFrontier),
        "snapshot gc frontier %s is beyond the delivered dots %s",
        gcFrontier,
        delivered);
    Dot previous = null;
    for (Change e : entries) {
      Check.argument(
          previous == null || previous.compareTo(e.dot()) < 0,
          "snapshot entries not strictly increasing by dot at %s",
          e.dot());
      previous = e.dot();
      Check.argument(
          delivered.covers(e.dot()) || beyond.contains(e.dot()),
          "snapshot entry %s is not among the delivered dots",
          e.dot());
      checkEntry(policy, e);
    }
    checkPending(policy, delivered, pending);
  }

  private static void checkBeyond(
      RegisterPolicy policy, VersionVector delivered, List<Dot> beyond) {
    Check.argument(
        beyond.isEmpty() || policy == RegisterPolicy.LWW,
        "a %s snapshot cannot have delivered dots beyond a gap",
        policy);
    Dot previous = null;
    for (Dot d : beyond) {
      Check.argument(
          previous == null || previous.compareTo(d) < 0,
          "snapshot dots beyond a gap not strictly increasing at %s",
          d);
      Check.argument(
          d.counter() > delivered.get(d.replica()) + 1,
          "snapshot dot %s beyond a gap is not beyond one (prefix %d)",
          d,
          delivered.get(d.replica()));
      previous = d;
    }
  }

  private static void checkEntry(RegisterPolicy policy, Change e) {
    for (int i = 1; i < e.ops().size(); i++) {
      Check.argument(
          e.ops().get(i - 1).key().compareTo(e.ops().get(i).key()) < 0,
          "snapshot entry %s ops are not strictly increasing by key at op %d",
          e.dot(),
          i);
    }
    if (policy != RegisterPolicy.CAUSAL_GROUP) {
      Check.argument(
          e.seen().equals(VersionVector.EMPTY.with(e.author(), e.seq() - 1)),
          "%s snapshot entry %s keeps a seen vector %s nothing reads",
          policy,
          e.dot(),
          e.seen());
    }
    if (policy == RegisterPolicy.MV) {
      for (Op op : e.ops()) {
        Check.argument(
            op instanceof Op.Put, "MV snapshot entry %s keeps a delete of %s", e.dot(), op.key());
      }
    }
  }

  private static void checkPending(
      RegisterPolicy policy, VersionVector delivered, List<Change> pending) {
    Check.argument(
        pending.isEmpty() || policy != RegisterPolicy.LWW,
        "an LWW snapshot cannot have pending changes");
    Dot previous = null;
    for (Change c : pending) {
      Check.argument(
          previous == null || previous.compareTo(c.dot()) < 0,
          "snapshot pending not strictly increasing by dot at %s",
          c.dot());
      Check.argument(!delivered.covers(c.dot()), "snapshot pending %s is also delivered", c.dot());
      previous = c.dot();
    }
  }
}
