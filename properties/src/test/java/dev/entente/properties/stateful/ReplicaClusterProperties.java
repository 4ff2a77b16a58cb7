package dev.entente.properties.stateful;

import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.properties.gen.HistoryArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Stateful action chains: replicas join, write, sync by delta (sometimes losing messages) and by
 * full state, and clocks advance. After every action every replica passes {@code checkRep()} and
 * agrees with the oracle over the changes it holds; at the end, after healing, all replicas are
 * equal.
 */
class ReplicaClusterProperties {

  @Property
  void lww_anyActionChain_staysSoundAndConverges(@ForAll("lww") ActionChain<Cluster> chain) {
    runAndHeal(chain);
  }

  @Property
  void mv_anyActionChain_staysSoundAndConverges(@ForAll("mv") ActionChain<Cluster> chain) {
    runAndHeal(chain);
  }

  @Property
  void causalGroup_anyActionChain_staysSoundAndConverges(
      @ForAll("group") ActionChain<Cluster> chain) {
    runAndHeal(chain);
  }

  @Provide
  Arbitrary<ActionChain<Cluster>> lww() {
    return chains(RegisterPolicy.LWW);
  }

  @Provide
  Arbitrary<ActionChain<Cluster>> mv() {
    return chains(RegisterPolicy.MV);
  }

  @Provide
  Arbitrary<ActionChain<Cluster>> group() {
    return chains(RegisterPolicy.CAUSAL_GROUP);
  }

  private static void runAndHeal(ActionChain<Cluster> chain) {
    Cluster last = chain.withInvariant("replicas sound and equal to oracle", Cluster::check).run();
    last.healAndCheckConvergence();
  }

  private static Arbitrary<ActionChain<Cluster>> chains(RegisterPolicy policy) {
    return ActionChain.<Cluster>startWith(() -> new Cluster(policy))
        .withAction(1, new AddReplica())
        .withAction(5, (Action.Independent<Cluster>) ReplicaClusterProperties::write)
        .withAction(3, (Action.Independent<Cluster>) ReplicaClusterProperties::sync)
        .withAction(1, (Action.Independent<Cluster>) ReplicaClusterProperties::mergeState)
        .withAction(1, (Action.Independent<Cluster>) ReplicaClusterProperties::advance)
        .withMaxTransformations(30);
  }

  private static Arbitrary<Transformer<Cluster>> write() {
    Arbitrary<Integer> replica = Arbitraries.integers().between(0, Cluster.MAX_REPLICAS - 1);
    Arbitrary<String> key = Arbitraries.of(HistoryArbitraries.KEYS);
    Arbitrary<Op> op =
        Combinators.combine(
                Arbitraries.integers().between(0, 3), key, Arbitraries.of("a", "b", "c"))
            .as((kind, k, v) -> kind == 0 ? Op.delete(k) : Op.put(k, v));
    return Combinators.combine(replica, op.list().ofMinSize(1).ofMaxSize(3))
        .as((r, ops) -> Transformer.mutate("R" + r + " writes " + ops, c -> c.write(r, ops)));
  }

  private static Arbitrary<Transformer<Cluster>> sync() {
    Arbitrary<Integer> replica = Arbitraries.integers().between(0, Cluster.MAX_REPLICAS - 1);
    Arbitrary<Integer> keepEvery = Arbitraries.integers().between(1, 3);
    return Combinators.combine(replica, replica, keepEvery)
        .as(
            (a, b, k) ->
                Transformer.mutate(
                    "delta sync R" + a + " -> R" + b + " keeping 1 in " + k, c -> c.sync(a, b, k)));
  }

  private static Arbitrary<Transformer<Cluster>> mergeState() {
    Arbitrary<Integer> replica = Arbitraries.integers().between(0, Cluster.MAX_REPLICAS - 1);
    return Combinators.combine(replica, replica)
        .as(
            (a, b) ->
                Transformer.mutate("state merge R" + a + " -> R" + b, c -> c.mergeState(a, b)));
  }

  private static Arbitrary<Transformer<Cluster>> advance() {
    return Arbitraries.longs()
        .between(0, 50)
        .map(ms -> Transformer.mutate("physical time +" + ms + " ms", c -> c.advance(ms)));
  }

  /** A new replica joins, empty, with a physical clock skewed by up to a second either way. */
  private static final class AddReplica implements Action.Dependent<Cluster> {
    @Override
    public boolean precondition(Cluster cluster) {
      return cluster.size() < Cluster.MAX_REPLICAS;
    }

    @Override
    public Arbitrary<Transformer<Cluster>> transformer(Cluster cluster) {
      return Arbitraries.longs()
          .between(-1_000, 1_000)
          .map(
              skew ->
                  Transformer.mutate("add replica skew " + skew + " ms", c -> c.addReplica(skew)));
    }
  }
}
