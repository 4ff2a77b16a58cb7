package dev.entente.properties.laws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.ApplyResult;
import dev.entente.impl.Replica;
import dev.entente.impl.ReplicaState;
import dev.entente.impl.clock.LamportClock;
import dev.entente.model.Change;
import dev.entente.model.KeyGroups;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Oracle;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.properties.gen.History;
import dev.entente.properties.gen.HistoryArbitraries;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Strong eventual consistency of {@link Replica}, written once for every policy: any permutation of
 * any multiset of changes (duplicates included) leaves every replica in the same state, equal to
 * the oracle's; state-based merge (union of delivered changes) is a join; nothing is left buffered
 * once a causally closed set has arrived.
 */
public interface ReplicaLaws {
  /** The policy under test. */
  RegisterPolicy policy();

  @Provide
  default Arbitrary<History> replicaHistories() {
    return HistoryArbitraries.histories();
  }

  @Property
  default void apply_anyPermutationWithDuplicates_convergesToOracle(
      @ForAll("replicaHistories") History h,
      @ForAll Random random,
      @ForAll @IntRange(min = 2, max = 4) int replicaCount) {
    MaterialisedMap expected = Oracle.materialise(policy(), h.changes(), KeyGroups.byParentPath());
    for (int r = 0; r < replicaCount; r++) {
      Replica replica = newReplica("S" + r);
      List<Change> deliveries = shuffledWithDuplicates(h.changes(), random);
      for (Change c : deliveries) {
        ApplyResult result = replica.apply(c);
        assertThat(result).isNotInstanceOf(ApplyResult.Rejected.class);
        replica.checkRep();
      }
      assertThat(replica.pending()).as("still buffered on %s", replica).isEmpty();
      assertThat(replica.deliveredCount()).isEqualTo(h.changes().size());
      assertThat(replica.materialise())
          .as("replica %d after %s", r, deliveries)
          .isEqualTo(expected);
      assertThat(replica.state()).isEqualTo(ReplicaState.of(policy(), h.changes()));
    }
  }

  @Property
  default void merge_ofStates_isCommutativeAssociativeIdempotent(
      @ForAll("replicaHistories") History h, @ForAll int i, @ForAll int j, @ForAll int k) {
    ReplicaState a = stateOf(h.snapshot(i));
    ReplicaState b = stateOf(h.snapshot(j));
    ReplicaState c = stateOf(h.snapshot(k));
    assertThat(merged(a, b)).isEqualTo(merged(b, a));
    assertThat(merged(merged(a, b), c)).isEqualTo(merged(a, merged(b, c)));
    assertThat(merged(a, a)).isEqualTo(a);
    assertThat(merged(a, b).changes()).containsAll(a.changes()).containsAll(b.changes());
  }

  @Property
  default void merge_ofStates_agreesWithOracle(
      @ForAll("replicaHistories") History h, @ForAll int i, @ForAll int j) {
    Replica left = replicaWith(h.snapshot(i));
    ReplicaState right = stateOf(h.snapshot(j));
    assertThat(left.merge(right)).isEmpty();
    left.checkRep();
    List<Change> union = new ArrayList<>(h.snapshot(i));
    union.addAll(h.snapshot(j));
    assertThat(left.materialise())
        .isEqualTo(Oracle.materialise(policy(), union, KeyGroups.byParentPath()));
  }

  @Property
  default void changesSince_bringsAPeerUpToDate(
      @ForAll("replicaHistories") History h, @ForAll int i, @ForAll int j) {
    Replica source = replicaWith(h.snapshot(i));
    Replica target = replicaWith(h.snapshot(j));
    for (Change c : source.changesSince(target.versionVector())) {
      assertThat(target.apply(c)).isNotInstanceOf(ApplyResult.Rejected.class);
    }
    target.checkRep();
    assertThat(target.state().changes()).containsAll(source.state().changes());
    assertThat(source.changesSince(target.versionVector())).isEmpty();
  }

  private Replica newReplica(String id) {
    return Replica.create(ReplicaId.of(id), policy(), KeyGroups.byParentPath(), new LamportClock());
  }

  private Replica replicaWith(List<Change> changes) {
    Replica r = newReplica("T");
    changes.forEach(r::apply);
    return r;
  }

  private ReplicaState stateOf(List<Change> changes) {
    return replicaWith(changes).state();
  }

  private ReplicaState merged(ReplicaState a, ReplicaState b) {
    Replica r = newReplica("M");
    r.merge(a);
    r.merge(b);
    r.checkRep();
    return r.state();
  }

  private static List<Change> shuffledWithDuplicates(List<Change> changes, Random random) {
    List<Change> out = new ArrayList<>(changes);
    for (Change c : changes) {
      if (random.nextInt(3) == 0) {
        out.add(c);
      }
    }
    Collections.shuffle(out, random);
    return out;
  }
}
