package dev.entente.properties.gen;

import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generates causally consistent histories by replaying random steps on a tiny first-principles
 * cluster: a replica either writes (declaring as seen everything it has delivered) or pulls
 * everything another replica has delivered. What each replica has delivered is then causally
 * closed, so every declared {@code seen} vector is too.
 *
 * <p>Timestamps are drawn from a deliberately tiny range, independently of causality, so that ties
 * between replicas (the replica-id tie-break), ties within one replica (the seq tie-break) and
 * causally later writes with smaller timestamps (skewed wall clocks) are all common. Keys come from
 * two causal groups plus ungrouped keys, so group and per-key policies differ.
 */
public final class HistoryArbitraries {
  /** The keys writes pick from: two groups under {@code event/N/} and two ungrouped keys. */
  public static final List<String> KEYS =
      List.of(
          "event/1/start",
          "event/1/end",
          "event/1/title",
          "event/2/start",
          "event/2/end",
          "solo",
          "x");

  private static final List<String> VALUES = List.of("a", "b", "c", "10", "12", "é", "日本", "");

  private HistoryArbitraries() {}

  /** Histories of 1 to 4 replicas and up to {@code maxSteps} steps. */
  public static Arbitrary<History> histories(int maxSteps) {
    Arbitrary<Integer> replicas = Arbitraries.integers().between(1, 4);
    Arbitrary<List<Step>> steps = steps().list().ofMinSize(1).ofMaxSize(maxSteps);
    return Combinators.combine(replicas, steps).as(HistoryArbitraries::replay);
  }

  /** Histories of up to 24 steps. */
  public static Arbitrary<History> histories() {
    return histories(24);
  }

  /** One step: replica {@code actor} writes {@code ops} at {@code time}, or pulls from another. */
  record Step(boolean write, int actor, int peer, List<Op> ops, HlcTimestamp time) {}

  private static Arbitrary<Step> steps() {
    Arbitrary<Boolean> write = Arbitraries.integers().between(0, 9).map(n -> n < 6);
    Arbitrary<Integer> actor = Arbitraries.integers().between(0, 3);
    Arbitrary<Integer> peer = Arbitraries.integers().between(0, 3);
    Arbitrary<List<Op>> ops = op().list().ofMinSize(1).ofMaxSize(3);
    Arbitrary<HlcTimestamp> time =
        Combinators.combine(Arbitraries.longs().between(0, 6), Arbitraries.integers().between(0, 2))
            .as(HlcTimestamp::new);
    return Combinators.combine(write, actor, peer, ops, time).as(Step::new);
  }

  private static Arbitrary<Op> op() {
    Arbitrary<String> key = Arbitraries.of(KEYS);
    Arbitrary<String> value = Arbitraries.of(VALUES);
    Arbitrary<Boolean> isPut = Arbitraries.integers().between(0, 9).map(n -> n < 7);
    return Combinators.combine(isPut, key, value)
        .as((put, k, v) -> put ? Op.put(k, v) : Op.delete(k));
  }

  private static History replay(int replicaCount, List<Step> steps) {
    List<Map<Dot, Change>> delivered = new ArrayList<>();
    for (int i = 0; i < replicaCount; i++) {
      delivered.add(new LinkedHashMap<>());
    }
    List<Change> changes = new ArrayList<>();
    List<List<Change>> snapshots = new ArrayList<>();
    long[] seq = new long[replicaCount];
    for (Step step : steps) {
      int actor = step.actor() % replicaCount;
      Map<Dot, Change> mine = delivered.get(actor);
      if (step.write()) {
        ReplicaId author = ReplicaId.of("R" + actor);
        Change c = new Change(author, ++seq[actor], step.time(), vectorOf(mine), step.ops());
        mine.put(c.dot(), c);
        changes.add(c);
      } else {
        mine.putAll(delivered.get(step.peer() % replicaCount));
      }
      snapshots.add(inCreationOrder(mine, changes));
    }
    for (Map<Dot, Change> d : delivered) {
      snapshots.add(inCreationOrder(d, changes));
    }
    return new History(replicaCount, changes, snapshots);
  }

  private static VersionVector vectorOf(Map<Dot, Change> delivered) {
    Map<ReplicaId, Long> max = new LinkedHashMap<>();
    for (Dot d : delivered.keySet()) {
      max.merge(d.replica(), d.counter(), Math::max);
    }
    return VersionVector.of(max);
  }

  private static List<Change> inCreationOrder(Map<Dot, Change> delivered, List<Change> all) {
    return all.stream().filter(c -> delivered.containsKey(c.dot())).toList();
  }
}
