package dev.entente.properties.laws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.ApplyResult;
import dev.entente.impl.Replica;
import dev.entente.impl.clock.LamportClock;
import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.KeyGroups;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import dev.entente.properties.gen.HistoryArbitraries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The replica's indexed causal buffer against the rescan it replaced: for any permutation of a
 * history, each delivery releases the same changes in the same order as repeated passes over the
 * buffer in dot order would, and the causal-group view kept up to date in place (read after every
 * delivery) equals the view computed afresh from the delivered changes.
 */
class CausalReleaseProperties {
  @Provide
  Arbitrary<List<Change>> permutations() {
    return HistoryArbitraries.histories().flatMap(h -> Arbitraries.shuffle(h.changes()));
  }

  @Provide
  Arbitrary<RegisterPolicy> causalPolicies() {
    return Arbitraries.of(RegisterPolicy.MV, RegisterPolicy.CAUSAL_GROUP);
  }

  @Property(tries = 200)
  void apply_anyPermutation_releasesWhatANaiveRescanReleasesInItsOrder(
      @ForAll("permutations") List<Change> order, @ForAll("causalPolicies") RegisterPolicy policy) {
    Replica replica = newReplica(policy);
    NaiveRescan oracle = new NaiveRescan();
    for (Change c : order) {
      ApplyResult result = replica.apply(c);
      List<Dot> expected = oracle.offer(c);
      if (expected.isEmpty()) {
        assertThat(result).isInstanceOf(ApplyResult.Buffered.class);
      } else {
        assertThat(result).isEqualTo(new ApplyResult.Applied(c.dot(), expected));
      }
    }
    replica.checkRep();
    assertThat(replica.changesSince(VersionVector.EMPTY)).isEqualTo(oracle.delivered);
  }

  @Property(tries = 100)
  void materialise_readAfterEveryDelivery_equalsTheViewBuiltAfresh(
      @ForAll("permutations") List<Change> order) {
    Replica replica = newReplica(RegisterPolicy.CAUSAL_GROUP);
    for (Change c : order) {
      replica.apply(c);
      Replica fresh = newReplica(RegisterPolicy.CAUSAL_GROUP);
      replica.changesSince(VersionVector.EMPTY).forEach(fresh::apply);
      assertThat(replica.materialise()).isEqualTo(fresh.materialise());
    }
  }

  private static Replica newReplica(RegisterPolicy policy) {
    return Replica.create(ReplicaId.of("R"), policy, KeyGroups.byParentPath(), new LamportClock());
  }

  /**
   * The buffer as it was: after each delivery, rescan every buffered change until none is ready.
   */
  private static final class NaiveRescan {
    final List<Change> delivered = new ArrayList<>();
    private final Map<ReplicaId, Long> prefix = new HashMap<>();
    private final TreeMap<Dot, Change> pending = new TreeMap<>();
    private final Set<Dot> deliveredDots = new HashSet<>();

    /** The dots delivered by offering {@code c}, in delivery order; empty if it is buffered. */
    List<Dot> offer(Change c) {
      List<Dot> released = new ArrayList<>();
      if (!ready(c)) {
        pending.put(c.dot(), c);
        return released;
      }
      deliver(c, released);
      boolean progress = true;
      while (progress) {
        progress = false;
        for (Change p : new ArrayList<>(pending.values())) {
          if (ready(p)) {
            pending.remove(p.dot());
            deliver(p, released);
            progress = true;
          }
        }
      }
      return released;
    }

    private boolean ready(Change c) {
      for (Map.Entry<ReplicaId, Long> e : c.seen().entries().entrySet()) {
        if (prefix.getOrDefault(e.getKey(), 0L) < e.getValue()) {
          return false;
        }
      }
      return true;
    }

    private void deliver(Change c, List<Dot> released) {
      deliveredDots.add(c.dot());
      long n = prefix.getOrDefault(c.author(), 0L);
      while (deliveredDots.contains(new Dot(c.author(), n + 1))) {
        n++;
      }
      prefix.put(c.author(), n);
      delivered.add(c);
      released.add(c.dot());
    }
  }
}
