package dev.entente.simulations.run;

import dev.entente.impl.Replica;
import dev.entente.impl.ReplicaState;
import dev.entente.impl.clock.LamportClock;
import dev.entente.model.Change;
import dev.entente.model.KeyGroups;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.check.CheckResult;
import dev.entente.model.check.ReplicaObservation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What compaction must not change. {@link #check}: every compacted replica shows exactly the map an
 * uncompacted replica shows after delivering the same changes (the run's full history, never
 * compacted, never collected): the run judged as if nothing had been compacted. {@link #quiescent}:
 * a compacted cluster has settled when every replica has delivered the same dots and shows the same
 * map (their logs differ, since each compacts on its own schedule). Stateless.
 */
final class CompactionEquivalence {
  /** The checker's name in results. */
  static final String NAME = "compaction-equivalence";

  private CompactionEquivalence() {}

  /** The violation, or null if every replica in {@code finals} matches its uncompacted twin. */
  static @Nullable CheckResult check(
      RegisterPolicy policy, KeyGroups groups, List<ReplicaObservation> finals) {
    for (ReplicaObservation o : finals) {
      MaterialisedMap uncompacted = uncompacted(policy, groups, o.delivered());
      if (!uncompacted.equals(o.view())) {
        return CheckResult.invalid(
            NAME,
            o.replica()
                + " after compaction disagrees with the same "
                + o.delivered().size()
                + " changes never compacted: "
                + o.view()
                + " vs "
                + uncompacted);
      }
    }
    return null;
  }

  private static MaterialisedMap uncompacted(
      RegisterPolicy policy, KeyGroups groups, List<Change> delivered) {
    Replica twin =
        Replica.create(ReplicaId.of("uncompacted-twin"), policy, groups, new LamportClock());
    // Any order: a causal map buffers a change until its causal past is delivered.
    twin.merge(ReplicaState.of(policy, delivered));
    return twin.materialise();
  }

  /** True if every replica of {@code live} has delivered the same dots and shows the same map. */
  static boolean quiescent(List<SimNode> live) {
    Replica first = live.get(0).replica();
    var delivered = first.snapshot();
    for (SimNode n : live) {
      var s = n.replica().snapshot();
      if (!s.delivered().equals(delivered.delivered())
          || !s.deliveredBeyond().equals(delivered.deliveredBeyond())
          || !n.replica().materialise().equals(first.materialise())
          || !n.replica().pending().isEmpty()) {
        return false;
      }
    }
    return true;
  }
}
