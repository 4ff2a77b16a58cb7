package dev.entente.properties.laws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.ApplyResult;
import dev.entente.impl.Replica;
import dev.entente.impl.ReplicaState;
import dev.entente.impl.clock.HybridLogicalClock;
import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.KeyGroups;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import dev.entente.properties.gen.History;
import dev.entente.properties.gen.HistoryArbitraries;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Replica#merge(ReplicaState)}'s batch path against offering the state's changes one by one
 * to {@link Replica#apply}, which it replaced: for every policy, on a replica that already holds a
 * random part of a history (in random order, so with gaps and buffered changes), merging a random
 * part of the same history (so with duplicates) plus forged changes reusing held dots (conflicts)
 * leaves the same map, version vector, delivery log, buffer and clock, and rejects the same changes
 * with the same reasons. The clocks stand at wall 3 with a drift limit of 2 and the history's walls
 * run to 6, so some changes are refused for drift.
 */
class BatchMergeProperties {
  private static final long PHYSICAL_MILLIS = 3;
  private static final long MAX_DRIFT_MILLIS = 2;

  /** What the receiver holds beforehand, in offer order, and the state merged into it. */
  record Case(RegisterPolicy policy, List<Change> held, List<Change> offered) {}

  @Provide
  Arbitrary<Case> cases() {
    return HistoryArbitraries.histories().flatMap(BatchMergeProperties::casesOf);
  }

  private static Arbitrary<Case> casesOf(History h) {
    Arbitrary<List<Change>> held =
        Arbitraries.shuffle(h.changes())
            .flatMap(
                order ->
                    Arbitraries.integers().between(0, order.size()).map(n -> order.subList(0, n)));
    Arbitrary<List<Change>> offered = Arbitraries.subsetOf(h.changes()).map(ArrayList::new);
    Arbitrary<Integer> forgeries = Arbitraries.integers().between(0, 2);
    return Combinators.combine(Arbitraries.of(RegisterPolicy.values()), held, offered, forgeries)
        .as((policy, mine, theirs, forged) -> new Case(policy, mine, forge(mine, theirs, forged)));
  }

  /** {@code offered} plus up to {@code count} changes reusing a held dot with other content. */
  private static List<Change> forge(List<Change> held, List<Change> offered, int count) {
    Set<Dot> offeredDots = new HashSet<>();
    offered.forEach(c -> offeredDots.add(c.dot()));
    List<Change> out = new ArrayList<>(offered);
    for (Change c : held) {
      if (out.size() - offered.size() == count) {
        break;
      }
      if (offeredDots.add(c.dot())) {
        out.add(c.withOps(List.of(Op.put("forged", c.dot().toString()))));
      }
    }
    return out;
  }

  @Property(tries = 200)
  void merge_anyStateIntoAnyReplica_equalsApplyingItsChangesOneByOne(@ForAll("cases") Case c) {
    HybridLogicalClock batchClock = clock();
    HybridLogicalClock oneByOneClock = clock();
    Replica batch = receiver(c, batchClock);
    Replica oneByOne = receiver(c, oneByOneClock);
    ReplicaState state = ReplicaState.of(c.policy(), c.offered());

    List<ApplyResult.Rejected> rejected = batch.merge(state);

    List<ApplyResult.Rejected> expected = new ArrayList<>();
    for (Change change : state.changes()) {
      if (oneByOne.apply(change) instanceof ApplyResult.Rejected no) {
        expected.add(no);
      }
    }
    assertThat(rejected).isEqualTo(expected);
    assertThat(batch.materialise()).isEqualTo(oneByOne.materialise());
    assertThat(batch.versionVector()).isEqualTo(oneByOne.versionVector());
    assertThat(batch.changesSince(VersionVector.EMPTY))
        .isEqualTo(oneByOne.changesSince(VersionVector.EMPTY));
    assertThat(batch.pending()).isEqualTo(oneByOne.pending());
    assertThat(batchClock.current()).isEqualTo(oneByOneClock.current());
    batch.checkRep();
  }

  private static HybridLogicalClock clock() {
    return new HybridLogicalClock(() -> PHYSICAL_MILLIS, MAX_DRIFT_MILLIS);
  }

  private static Replica receiver(Case c, HybridLogicalClock clock) {
    Replica r = Replica.create(ReplicaId.of("Z"), c.policy(), KeyGroups.byParentPath(), clock);
    c.held().forEach(r::apply);
    return r;
  }
}
