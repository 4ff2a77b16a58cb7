package dev.entente.properties.gen;

import dev.entente.model.CausalGroupOracle;
import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Histories of well-behaved calendar clients: each edit of event {@code event/1/} keeps {@code
 * start < end} with respect to what its author was shown, where "shown" is the causal-group view of
 * the changes the author had delivered. Authors move the event (write both fields) or change one
 * end; timestamps are arbitrary (skewed clocks included). Replicas pull everything a peer has, so
 * what each has delivered stays causally closed.
 */
public final class CalendarHistories {
  /** The event's start key. */
  public static final Key START = Key.of("event/1/start");

  /** The event's end key. */
  public static final Key END = Key.of("event/1/end");

  private CalendarHistories() {}

  /** One client step. */
  record Step(int kind, int actor, int peer, int amount, HlcTimestamp time) {}

  /** Histories of 2 to 4 replicas and up to 20 steps. */
  public static Arbitrary<History> histories() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 40),
                Combinators.combine(
                        Arbitraries.longs().between(0, 8), Arbitraries.integers().between(0, 1))
                    .as(HlcTimestamp::new))
            .as(Step::new);
    return Combinators.combine(Arbitraries.integers().between(2, 4), step.list().ofMaxSize(20))
        .as(CalendarHistories::replay);
  }

  private static History replay(int replicas, List<Step> steps) {
    List<Map<Dot, Change>> delivered = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      delivered.add(new LinkedHashMap<>());
    }
    long[] seq = new long[replicas];
    List<Change> changes = new ArrayList<>();
    List<List<Change>> snapshots = new ArrayList<>();
    for (Step s : steps) {
      Map<Dot, Change> mine = delivered.get(s.actor() % replicas);
      if (s.kind() == 4) {
        mine.putAll(delivered.get(s.peer() % replicas));
      } else {
        int actor = s.actor() % replicas;
        MaterialisedMap shown =
            CausalGroupOracle.materialise(mine.values(), KeyGroups.byParentPath());
        Change c =
            new Change(
                ReplicaId.of("R" + actor), ++seq[actor], s.time(), vectorOf(mine), edit(s, shown));
        mine.put(c.dot(), c);
        changes.add(c);
      }
      snapshots.add(changes.stream().filter(c -> mine.containsKey(c.dot())).toList());
    }
    snapshots.add(changes);
    return new History(replicas, changes, snapshots);
  }

  /** An edit that keeps start < end with respect to {@code shown}. */
  private static List<Op> edit(Step s, MaterialisedMap shown) {
    Value start = shown.single(START);
    Value end = shown.single(END);
    int amount = s.amount();
    if (s.kind() == 1 && end != null && Long.parseLong(end.value()) > amount) {
      return List.of(put(START, Long.parseLong(end.value()) - 1 - amount % 5));
    }
    if (s.kind() == 2 && start != null) {
      return List.of(put(END, Long.parseLong(start.value()) + 1 + amount % 5));
    }
    return List.of(put(START, amount), put(END, amount + 1 + amount % 7));
  }

  private static Op put(Key key, long minute) {
    return new Op.Put(key, Value.of(Long.toString(minute)));
  }

  private static VersionVector vectorOf(Map<Dot, Change> delivered) {
    Map<ReplicaId, Long> max = new LinkedHashMap<>();
    delivered.keySet().forEach(d -> max.merge(d.replica(), d.counter(), Math::max));
    return VersionVector.of(max);
  }
}
