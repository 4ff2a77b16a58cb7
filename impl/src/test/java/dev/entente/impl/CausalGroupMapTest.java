package dev.entente.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.impl.clock.HybridLogicalClock;
import dev.entente.model.CausalGroupOracle;
import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.LwwMapOracle;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The causal-group map, first through real replicas on the seed article's "impossible state" (an
 * event whose start and end are edited concurrently), then as a state-based CRDT on its own.
 */
class CausalGroupMapTest {
  private static final KeyGroups BY_PATH = KeyGroups.byParentPath();
  private static final Key START = Key.of("event/42/start");
  private static final Key END = Key.of("event/42/end");

  private final List<Replica> replicas = new ArrayList<>();
  private final List<CausalGroupMap> maps = new ArrayList<>();

  @AfterEach
  void checkRep() {
    replicas.forEach(Replica::checkRep);
    maps.forEach(CausalGroupMap::checkRep);
  }

  @Test
  void perKeyLww_concurrentPartialEdits_convergeToImpossibleState() {
    Scenario s = new Scenario(RegisterPolicy.LWW, 5);

    s.exchangeInBothOrders(new ArrayList<>());

    for (Replica r : s.all()) {
      assertThat(r.materialise()).as(r.id().value()).isEqualTo(event("14", "11"));
      assertThat(number(r, START)).isGreaterThan(number(r, END));
    }
    assertThat(s.origin.materialise()).isEqualTo(LwwMapOracle.materialise(s.allChanges()));
  }

  @Test
  void causalGroup_concurrentPartialEdits_neverMixFields() {
    Scenario s = new Scenario(RegisterPolicy.CAUSAL_GROUP, 5);
    List<MaterialisedMap> observed = new ArrayList<>();

    s.exchangeInBothOrders(observed);

    assertThat(observed)
        .isNotEmpty()
        .allSatisfy(
            m -> assertThat(m).isIn(event("10", "12"), event("14", "16"), event("10", "11")));
    for (Replica r : s.all()) {
      // B's change is the greatest; its view is the base plus B, so A's start is dropped too.
      assertThat(r.materialise()).as(r.id().value()).isEqualTo(event("10", "11"));
    }
    assertThat(s.origin.materialise())
        .isEqualTo(CausalGroupOracle.materialise(s.allChanges(), BY_PATH));
  }

  @Test
  void causalGroup_concurrentFullEditWithLaterTimestamp_winsWholeGroupEverywhere() {
    Scenario s = new Scenario(RegisterPolicy.CAUSAL_GROUP, 7);

    s.exchangeInBothOrders(new ArrayList<>());

    for (Replica r : s.all()) {
      assertThat(r.materialise()).as(r.id().value()).isEqualTo(event("14", "16"));
    }
  }

  @Test
  void apply_anyOrder_matchesOracle() {
    Change base = change("O", 1, 1, seen(), Op.put("g/a", "1"), Op.put("g/b", "1"));
    Change a1 = change("A", 1, 5, seen("O:1"), Op.put("g/a", "2"), Op.put("solo", "a"));
    Change b1 = change("B", 1, 6, seen("O:1"), Op.put("g/b", "3"), Op.put("solo", "b"));
    List<Change> changes = List.of(base, a1, b1);
    CausalGroupMap forward = newMap();
    CausalGroupMap backward = newMap();

    changes.forEach(forward::apply);
    List.of(b1, a1, base).forEach(backward::apply);

    MaterialisedMap expected = CausalGroupOracle.materialise(changes, BY_PATH);
    assertThat(forward.materialise()).isEqualTo(expected).isEqualTo(backward.materialise());
    assertThat(expected.single(Key.of("g/a"))).isEqualTo(Value.of("1"));
    assertThat(expected.single(Key.of("solo"))).isEqualTo(Value.of("b"));
  }

  @Test
  void apply_singletonGroups_behaveAsLww() {
    Change a1 = change("A", 1, 5, seen(), Op.put("g/a", "2"), Op.put("g/b", "2"));
    Change b1 = change("B", 1, 6, seen(), Op.put("g/b", "3"));
    CausalGroupMap singletons = new CausalGroupMap(KeyGroups.singletons());

    singletons.apply(a1);
    singletons.apply(b1);

    assertThat(singletons.materialise()).isEqualTo(LwwMapOracle.materialise(List.of(a1, b1)));
    singletons.checkRep();
  }

  @Test
  void apply_winnerDeletesKey_countsTombstoneInView() {
    CausalGroupMap map = newMap();
    Change base = change("O", 1, 1, seen(), Op.put("g/a", "1"), Op.put("g/b", "1"));

    map.apply(base);
    map.apply(change("O", 2, 2, seen(), Op.delete("g/a")));

    assertThat(map.materialise()).isEqualTo(single("g/b", "1"));
    assertThat(map.tombstoneCount()).isEqualTo(1);
    assertThat(map.storedChangeCount()).isEqualTo(2);
  }

  @Test
  void mergeFrom_isUnionOfChanges() {
    Change base = change("O", 1, 1, seen(), Op.put("g/a", "1"), Op.put("g/b", "1"));
    Change b1 = change("B", 1, 6, seen("O:1"), Op.put("g/b", "3"));
    CausalGroupMap left = newMap();
    CausalGroupMap right = newMap();
    left.apply(base);
    right.apply(b1);

    assertThat(left.isLessOrEqual(right)).isFalse();
    left.mergeFrom(right);

    assertThat(left.materialise()).isEqualTo(single("g/a", "1", "g/b", "3"));
    assertThat(right.isLessOrEqual(left)).isTrue();
    assertThat(left.storedChangeCount()).isEqualTo(2);
  }

  @Test
  void copy_isIndependentOfOriginal() {
    CausalGroupMap map = newMap();
    map.apply(change("O", 1, 1, seen(), Op.put("g/a", "1")));
    CausalGroupMap copy = map.copy();
    maps.add(copy);

    copy.apply(change("B", 1, 2, seen("O:1"), Op.put("g/a", "2")));

    assertThat(map.materialise()).isEqualTo(single("g/a", "1"));
    assertThat(copy.materialise()).isEqualTo(single("g/a", "2"));
    assertThat(map.isLessOrEqual(copy)).isTrue();
  }

  @Test
  void mergeFrom_otherPolicy_isRejected() {
    assertThatThrownBy(() -> newMap().mergeFrom(new LwwMap()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot merge LWW into CAUSAL_GROUP");
  }

  /**
   * Origin O writes the event 10..12 at time 1 and both A and B receive it. Then A moves the event
   * to 14..16 (at physical time {@code aMillis}) while B, concurrently, shortens it to end at 11
   * (at physical time 6). Nothing has been exchanged since.
   */
  private final class Scenario {
    final Replica origin;
    final Replica a;
    final Replica b;
    final Replica late;

    Scenario(RegisterPolicy policy, long aMillis) {
      origin = replica("O", policy, 1);
      a = replica("A", policy, aMillis);
      b = replica("B", policy, 6);
      late = replica("L", policy, 10);
      origin.transact(List.of(new Op.Put(START, Value.of("10")), new Op.Put(END, Value.of("12"))));
      sync(origin, a, new ArrayList<>());
      sync(origin, b, new ArrayList<>());
      a.transact(List.of(new Op.Put(START, Value.of("14")), new Op.Put(END, Value.of("16"))));
      b.put(END, Value.of("11"));
    }

    /** A and B swap changes; O hears B first then A, L hears A first then B. */
    void exchangeInBothOrders(List<MaterialisedMap> observed) {
      sync(a, b, observed);
      sync(b, a, observed);
      sync(b, origin, observed);
      sync(a, origin, observed);
      sync(a, late, observed);
      sync(b, late, observed);
    }

    List<Replica> all() {
      return List.of(origin, a, b, late);
    }

    List<Change> allChanges() {
      return origin.changesSince(VersionVector.EMPTY);
    }
  }

  /** Delivers what {@code to} lacks, one change at a time, recording each resulting map. */
  private static void sync(Replica from, Replica to, List<MaterialisedMap> observed) {
    for (Change c : from.changesSince(to.versionVector())) {
      assertThat(to.apply(c)).isInstanceOf(ApplyResult.Applied.class);
      to.checkRep();
      observed.add(to.materialise());
    }
  }

  private Replica replica(String id, RegisterPolicy policy, long physicalMillis) {
    Replica r =
        Replica.create(
            ReplicaId.of(id), policy, BY_PATH, HybridLogicalClock.unbounded(() -> physicalMillis));
    replicas.add(r);
    return r;
  }

  private CausalGroupMap newMap() {
    CausalGroupMap m = new CausalGroupMap(BY_PATH);
    maps.add(m);
    return m;
  }

  private static long number(Replica r, Key key) {
    return Long.parseLong(r.materialise().single(key).value());
  }

  private static MaterialisedMap event(String start, String end) {
    return single(START.value(), start, END.value(), end);
  }

  private static Change change(String author, long seq, long wall, VersionVector seen, Op... ops) {
    return new Change(ReplicaId.of(author), seq, new HlcTimestamp(wall, 0), seen, List.of(ops));
  }

  /** A version vector from dots spelled {@code "A:1"}. */
  private static VersionVector seen(String... dots) {
    Map<ReplicaId, Long> m = new TreeMap<>();
    for (String d : dots) {
      String[] parts = d.split(":");
      m.put(ReplicaId.of(parts[0]), Long.parseLong(parts[1]));
    }
    return VersionVector.of(m);
  }

  private static MaterialisedMap single(String... keysAndValues) {
    Map<Key, Value> m = new TreeMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(Key.of(keysAndValues[i]), Value.of(keysAndValues[i + 1]));
    }
    return MaterialisedMap.ofSingle(m);
  }
}
