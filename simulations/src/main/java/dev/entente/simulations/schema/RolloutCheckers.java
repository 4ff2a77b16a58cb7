package dev.entente.simulations.schema;

import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.check.CheckResult;
import dev.entente.model.schema.SchemaChain;
import dev.entente.model.schema.SchemaInvariants;
import dev.entente.model.schema.SchemaOracle;
import dev.entente.model.schema.VersionedView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rollout's checkers, pure functions of a {@link RolloutRecord} (VALID with "no rollout" for
 * other runs): the replicas converge at every version once translated; no write is lost or altered
 * through a replica on another version; the declared invariants hold in every version's view; every
 * replica's views (at each version, and its own) equal {@link SchemaOracle}'s reading of the
 * written changes it has. Stateless.
 */
public final class RolloutCheckers {
  /** Convergence at every version. */
  public static final String CONVERGENCE = "schema-convergence";

  /** No write lost or altered through another version. */
  public static final String NO_WRITE_LOST = "schema-no-write-lost";

  /** Declared invariants in every version's view. */
  public static final String INVARIANTS = "schema-invariants";

  /** Agreement with the schema oracle at every version. */
  public static final String ORACLE = "schema-oracle";

  private RolloutCheckers() {}

  /** All final replicas show equal views at every version. */
  public static CheckResult convergence(RolloutRecord r) {
    if (!r.active() || r.finals().isEmpty()) {
      return CheckResult.valid(CONVERGENCE, "no rollout");
    }
    RolloutObservation first = r.finals().get(0);
    for (RolloutObservation o : r.finals()) {
      for (int i = 0; i < o.views().size(); i++) {
        VersionedView a = first.views().get(i);
        VersionedView b = o.views().get(i);
        if (!a.equals(b)) {
          return CheckResult.invalid(
              CONVERGENCE,
              first.replica()
                  + " and "
                  + o.replica()
                  + " differ at version "
                  + (i + 1)
                  + ": "
                  + a.firstDifference(b));
        }
      }
    }
    return CheckResult.valid(CONVERGENCE, r.finals().size() + " replicas agree at every version");
  }

  /** Every change a replica holds is exactly the change its author wrote. */
  public static CheckResult noWriteLost(RolloutRecord r) {
    Map<Dot, Change> written = written(r);
    for (RolloutObservation o : observations(r)) {
      for (Change c : o.log()) {
        Change w = written.get(c.dot());
        if (w != null && !w.equals(c)) {
          return CheckResult.invalid(
              NO_WRITE_LOST,
              o.replica()
                  + " (version "
                  + o.version()
                  + ") holds "
                  + c.dot()
                  + " with ops "
                  + c.ops()
                  + " but its author wrote "
                  + w.ops());
        }
      }
    }
    return CheckResult.valid(NO_WRITE_LOST, written.size() + " changes kept as written");
  }

  /** The declared invariants hold in every view of every observation. */
  public static CheckResult invariants(RolloutRecord r) {
    SchemaChain chain = r.chain();
    if (chain == null) {
      return CheckResult.valid(INVARIANTS, "no rollout");
    }
    for (RolloutObservation o : observations(r)) {
      List<VersionedView> all = new ArrayList<>(o.views());
      all.add(o.own());
      for (VersionedView v : all) {
        List<String> broken = SchemaInvariants.violations(chain.at(v.version()), v.known());
        if (!broken.isEmpty()) {
          return CheckResult.invalid(
              INVARIANTS, o.replica() + " at version " + v.version() + ": " + broken.get(0));
        }
      }
    }
    return CheckResult.valid(INVARIANTS, "invariants hold in every version's view");
  }

  /** Each view equals the oracle's reading, at that version, of the written changes it has. */
  public static CheckResult oracle(RolloutRecord r) {
    SchemaChain chain = r.chain();
    if (chain == null) {
      return CheckResult.valid(ORACLE, "no rollout");
    }
    Map<Dot, Change> written = written(r);
    for (RolloutObservation o : observations(r)) {
      List<Change> history = new ArrayList<>();
      for (Change c : o.log()) {
        history.add(written.getOrDefault(c.dot(), c));
      }
      for (VersionedView v : o.views()) {
        VersionedView expected = SchemaOracle.read(chain, history, v.version());
        if (!expected.equals(v)) {
          return disagree(o, v, expected);
        }
      }
      VersionedView own = SchemaOracle.read(chain.upTo(o.version()), history, o.version());
      if (!own.equals(o.own())) {
        return disagree(o, o.own(), own);
      }
    }
    return CheckResult.valid(ORACLE, "every view agrees with the schema oracle");
  }

  private static CheckResult disagree(RolloutObservation o, VersionedView v, VersionedView e) {
    return CheckResult.invalid(
        ORACLE,
        o.replica()
            + " (on version "
            + o.version()
            + ") at version "
            + v.version()
            + " disagrees with the oracle: "
            + v.firstDifference(e)
            + " (replica vs oracle)");
  }

  private static Map<Dot, Change> written(RolloutRecord r) {
    Map<Dot, Change> out = new HashMap<>();
    for (Change c : r.authored()) {
      out.put(c.dot(), c);
    }
    return out;
  }

  private static List<RolloutObservation> observations(RolloutRecord r) {
    List<RolloutObservation> all = new ArrayList<>(r.safety());
    all.addAll(r.finals());
    return all;
  }
}
