package dev.entente.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MvMapOracleTest {
  private static final Key K = Key.of("k");

  @Test
  void materialise_concurrentPuts_becomeSortedSiblings() {
    Change a1 = change("A", 1, 9, seen(), Op.put("k", "y"));
    Change b1 = change("B", 1, 1, seen(), Op.put("k", "x"));

    MaterialisedMap m = MvMapOracle.materialise(List.of(a1, b1));

    assertThat(m.get(K)).containsExactly(Value.of("x"), Value.of("y"));
    assertThat(MvMapOracle.materialise(List.of(b1, a1))).isEqualTo(m);
  }

  @Test
  void materialise_concurrentPutsOfEqualValue_showOneSibling() {
    Change a1 = change("A", 1, 1, seen(), Op.put("k", "same"));
    Change b1 = change("B", 1, 1, seen(), Op.put("k", "same"));

    assertThat(MvMapOracle.materialise(List.of(a1, b1)).get(K)).containsExactly(Value.of("same"));
  }

  @Test
  void materialise_writeThatSawBothSiblings_replacesThem() {
    Change a1 = change("A", 1, 5, seen(), Op.put("k", "x"));
    Change b1 = change("B", 1, 6, seen(), Op.put("k", "y"));
    // A smaller timestamp does not matter: MV follows causality, not clocks.
    Change c1 = change("C", 1, 1, seen("A:1", "B:1"), Op.put("k", "z"));

    assertThat(MvMapOracle.materialise(List.of(c1, a1, b1)).get(K)).containsExactly(Value.of("z"));
  }

  @Test
  void materialise_writeThatSawOneSibling_replacesOnlyThatOne() {
    Change a1 = change("A", 1, 1, seen(), Op.put("k", "x"));
    Change b1 = change("B", 1, 1, seen(), Op.put("k", "y"));
    Change c1 = change("C", 1, 1, seen("A:1"), Op.put("k", "z"));

    assertThat(MvMapOracle.materialise(List.of(a1, b1, c1)).get(K))
        .containsExactly(Value.of("y"), Value.of("z"));
  }

  @Test
  void materialise_deleteThatSawPut_removesKey() {
    Change a1 = change("A", 1, 5, seen(), Op.put("k", "x"));
    Change b1 = change("B", 1, 1, seen("A:1"), Op.delete("k"));

    MaterialisedMap m = MvMapOracle.materialise(List.of(b1, a1));

    assertThat(m.get(K)).isEmpty();
    assertThat(m.size()).isZero();
  }

  @Test
  void materialise_concurrentDelete_doesNotRemovePut() {
    Change a1 = change("A", 1, 1, seen(), Op.put("k", "x"));
    Change b1 = change("B", 1, 9, seen(), Op.delete("k"));

    assertThat(MvMapOracle.materialise(List.of(a1, b1)).get(K)).containsExactly(Value.of("x"));
  }

  @Test
  void materialise_deleteThatSawOneOfTwoSiblings_keepsTheOther() {
    Change a1 = change("A", 1, 1, seen(), Op.put("k", "x"));
    Change b1 = change("B", 1, 1, seen(), Op.put("k", "y"));
    Change c1 = change("C", 1, 1, seen("B:1"), Op.delete("k"));

    assertThat(MvMapOracle.materialise(List.of(a1, b1, c1)).get(K)).containsExactly(Value.of("x"));
  }

  @Test
  void materialise_sameAuthorLaterChange_replacesEarlierPut() {
    Change a1 = change("A", 1, 1, seen(), Op.put("k", "x"));
    Change a2 = change("A", 2, 2, seen(), Op.put("k", "y"));

    assertThat(MvMapOracle.materialise(List.of(a2, a1)).get(K)).containsExactly(Value.of("y"));
  }

  @Test
  void materialise_twoOpsInOneChange_laterOpSupersedesEarlier() {
    Change putPut = change("A", 1, 1, seen(), Op.put("k", "x"), Op.put("k", "y"));
    Change putDelete = change("B", 1, 1, seen(), Op.put("j", "x"), Op.delete("j"));

    MaterialisedMap m = MvMapOracle.materialise(List.of(putPut, putDelete));

    assertThat(m.get(K)).containsExactly(Value.of("y"));
    assertThat(m.get(Key.of("j"))).isEmpty();
  }

  @Test
  void materialise_duplicateChanges_areIgnored() {
    Change a1 = change("A", 1, 1, seen(), Op.put("k", "x"));
    Change b1 = change("B", 1, 1, seen(), Op.put("k", "y"));

    assertThat(MvMapOracle.materialise(List.of(a1, b1, b1, a1)))
        .isEqualTo(MvMapOracle.materialise(List.of(a1, b1)));
  }

  @Test
  void materialise_twoDifferentChangesWithOneDot_isRejected() {
    Change a1 = change("A", 1, 1, seen(), Op.put("k", "x"));
    Change forged = change("A", 1, 1, seen(), Op.delete("k"));

    assertThatThrownBy(() -> MvMapOracle.materialise(List.of(a1, forged)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("A:1");
  }

  @Test
  void materialise_writesToOtherKeys_doNotSupersede() {
    Change a1 = change("A", 1, 1, seen(), Op.put("k", "x"));
    Change b1 = change("B", 1, 1, seen("A:1"), Op.delete("other"));

    assertThat(MvMapOracle.materialise(List.of(a1, b1)).get(K)).containsExactly(Value.of("x"));
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
}
