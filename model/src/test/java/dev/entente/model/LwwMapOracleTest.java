package dev.entente.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LwwMapOracleTest {
  @Test
  void materialise_noChanges_isEmpty() {
    assertThat(LwwMapOracle.materialise(List.of())).isEqualTo(MaterialisedMap.EMPTY);
  }

  @Test
  void materialise_concurrentPuts_greaterTimestampWinsInAnyOrder() {
    Change a1 = change("A", 1, 2, seen(), Op.put("k", "from-A"));
    Change b1 = change("B", 1, 1, seen(), Op.put("k", "from-B"));

    assertThat(LwwMapOracle.materialise(List.of(a1, b1))).isEqualTo(map("k", "from-A"));
    assertThat(LwwMapOracle.materialise(List.of(b1, a1))).isEqualTo(map("k", "from-A"));
  }

  @Test
  void materialise_causallyLaterPutWithSmallerTimestamp_loses() {
    // LWW orders by timestamp only: a skewed clock can make a put lose to one it has seen.
    Change a1 = change("A", 1, 9, seen(), Op.put("k", "old"));
    Change b1 = change("B", 1, 3, seen("A:1"), Op.put("k", "new"));

    assertThat(LwwMapOracle.materialise(List.of(a1, b1))).isEqualTo(map("k", "old"));
  }

  @Test
  void materialise_equalTimestamps_greaterReplicaIdWins() {
    Change a1 = change("A", 1, 5, seen(), Op.put("k", "from-A"));
    Change b1 = change("B", 1, 5, seen(), Op.put("k", "from-B"));

    assertThat(LwwMapOracle.materialise(List.of(b1, a1))).isEqualTo(map("k", "from-B"));
    assertThat(LwwMapOracle.materialise(List.of(a1, b1))).isEqualTo(map("k", "from-B"));
  }

  @Test
  void materialise_equalWallTime_logicalCounterDecidesBeforeReplicaId() {
    Change a1 = changeAt("A", 1, new HlcTimestamp(5, 1), Op.put("k", "from-A"));
    Change b1 = changeAt("B", 1, new HlcTimestamp(5, 0), Op.put("k", "from-B"));

    assertThat(LwwMapOracle.materialise(List.of(a1, b1))).isEqualTo(map("k", "from-A"));
  }

  @Test
  void materialise_twoPutsInOneChange_laterOpWins() {
    Change a1 = change("A", 1, 1, seen(), Op.put("k", "first"), Op.put("k", "second"));

    assertThat(LwwMapOracle.materialise(List.of(a1))).isEqualTo(map("k", "second"));
  }

  @Test
  void materialise_putThenDeleteInOneChange_keyAbsent() {
    Change a1 = change("A", 1, 1, seen(), Op.put("k", "v"), Op.delete("k"));

    assertThat(LwwMapOracle.materialise(List.of(a1)).size()).isZero();
  }

  @Test
  void materialise_winningDelete_hidesKey() {
    Change a1 = change("A", 1, 1, seen(), Op.put("k", "v"), Op.put("other", "x"));
    Change b1 = change("B", 1, 2, seen(), Op.delete("k"));

    MaterialisedMap m = LwwMapOracle.materialise(List.of(b1, a1));

    assertThat(m).isEqualTo(map("other", "x"));
    assertThat(m.single(Key.of("k"))).isNull();
  }

  @Test
  void materialise_losingDelete_keepsPut() {
    Change a1 = change("A", 1, 1, seen(), Op.delete("k"));
    Change b1 = change("B", 1, 2, seen(), Op.put("k", "v"));

    assertThat(LwwMapOracle.materialise(List.of(a1, b1))).isEqualTo(map("k", "v"));
  }

  @Test
  void materialise_duplicateChanges_areIgnored() {
    Change a1 = change("A", 1, 1, seen(), Op.put("k", "v"));
    Change b1 = change("B", 1, 2, seen(), Op.put("j", "w"));

    assertThat(LwwMapOracle.materialise(List.of(a1, b1, a1, b1, a1)))
        .isEqualTo(LwwMapOracle.materialise(List.of(a1, b1)));
  }

  @Test
  void materialise_twoDifferentChangesWithOneDot_isRejected() {
    Change a1 = change("A", 1, 1, seen(), Op.put("k", "v"));
    Change forged = change("A", 1, 1, seen(), Op.put("k", "forged"));

    assertThatThrownBy(() -> LwwMapOracle.materialise(List.of(a1, forged)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("share the dot A:1");
  }

  @Test
  void materialise_differentKeys_resolveIndependently() {
    Change a1 = change("A", 1, 2, seen(), Op.put("x", "a"), Op.put("y", "a"));
    Change b1 = change("B", 1, 1, seen(), Op.put("y", "b"), Op.put("z", "b"));

    assertThat(LwwMapOracle.materialise(List.of(a1, b1)))
        .isEqualTo(map("x", "a", "y", "a", "z", "b"));
  }

  private static Change change(String author, long seq, long wall, VersionVector seen, Op... ops) {
    return new Change(ReplicaId.of(author), seq, new HlcTimestamp(wall, 0), seen, List.of(ops));
  }

  private static Change changeAt(String author, long seq, HlcTimestamp ts, Op... ops) {
    return new Change(ReplicaId.of(author), seq, ts, VersionVector.EMPTY, List.of(ops));
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

  /** A single-valued map from alternating keys and values. */
  private static MaterialisedMap map(String... keysAndValues) {
    Map<Key, Value> m = new TreeMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(Key.of(keysAndValues[i]), Value.of(keysAndValues[i + 1]));
    }
    return MaterialisedMap.ofSingle(m);
  }
}
