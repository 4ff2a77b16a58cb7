package dev.entente.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The causal-group policy against the seed article's "impossible state": an event whose start and
 * end are edited concurrently must never show one edit's start with the other edit's end.
 */
class CausalGroupOracleTest {
  private static final KeyGroups BY_PATH = KeyGroups.byParentPath();

  /** The event as first written: 10..12. */
  private static final Change BASE =
      change("O", 1, 1, seen(), Op.put("event/42/start", "10"), Op.put("event/42/end", "12"));

  /** A (having seen the base) moves the whole event to 14..16 at time 5. */
  private static final Change A_MOVES =
      change("A", 1, 5, seen("O:1"), Op.put("event/42/start", "14"), Op.put("event/42/end", "16"));

  /** B (having seen the base, concurrent with A) shortens the event to end at 11, at time 6. */
  private static final Change B_SHORTENS =
      change("B", 1, 6, seen("O:1"), Op.put("event/42/end", "11"));

  @Test
  void lwwOracle_concurrentPartialEdits_giveImpossibleStartAfterEnd() {
    MaterialisedMap m = LwwMapOracle.materialise(List.of(BASE, A_MOVES, B_SHORTENS));

    assertThat(m).isEqualTo(map("event/42/start", "14", "event/42/end", "11"));
    assertThat(number(m, "event/42/start")).isGreaterThan(number(m, "event/42/end"));
  }

  @Test
  void causalGroupOracle_laterPartialEdit_winsGroupWithItsOwnView() {
    MaterialisedMap m = CausalGroupOracle.materialise(List.of(BASE, A_MOVES, B_SHORTENS), BY_PATH);

    // B wins the group; B's view is the base plus B, so A's start is dropped too.
    assertThat(m).isEqualTo(map("event/42/start", "10", "event/42/end", "11"));
  }

  @Test
  void causalGroupOracle_laterFullEdit_winsWholeGroup() {
    Change aMovesLater =
        change(
            "A", 1, 7, seen("O:1"), Op.put("event/42/start", "14"), Op.put("event/42/end", "16"));

    MaterialisedMap m =
        CausalGroupOracle.materialise(List.of(BASE, aMovesLater, B_SHORTENS), BY_PATH);

    assertThat(m).isEqualTo(map("event/42/start", "14", "event/42/end", "16"));
  }

  @Test
  void causalGroupOracle_deliveryOrder_doesNotMatter() {
    MaterialisedMap expected = map("event/42/start", "10", "event/42/end", "11");

    assertThat(CausalGroupOracle.materialise(List.of(B_SHORTENS, A_MOVES, BASE), BY_PATH))
        .isEqualTo(expected);
    assertThat(CausalGroupOracle.materialise(List.of(A_MOVES, BASE, B_SHORTENS), BY_PATH))
        .isEqualTo(expected);
  }

  @Test
  void causalGroupOracle_concurrentLoserKeyWinnerNeverWrote_isDropped() {
    Change aAddsTitle =
        change(
            "A", 1, 5, seen("O:1"), Op.put("event/42/start", "14"), Op.put("event/42/title", "x"));

    MaterialisedMap m =
        CausalGroupOracle.materialise(List.of(BASE, aAddsTitle, B_SHORTENS), BY_PATH);

    assertThat(m.get(Key.of("event/42/title"))).isEmpty();
    assertThat(m).isEqualTo(map("event/42/start", "10", "event/42/end", "11"));
  }

  @Test
  void causalGroupOracle_winnerDeletesKeyItSaw_keyAbsent() {
    Change bDeletesEnd = change("B", 1, 6, seen("O:1"), Op.delete("event/42/end"));

    MaterialisedMap m = CausalGroupOracle.materialise(List.of(BASE, A_MOVES, bDeletesEnd), BY_PATH);

    assertThat(m).isEqualTo(map("event/42/start", "10"));
  }

  @Test
  void causalGroupOracle_otherGroups_resolveIndependently() {
    Change aOther = change("A", 2, 8, seen("O:1"), Op.put("event/43/start", "1"));

    MaterialisedMap m =
        CausalGroupOracle.materialise(List.of(BASE, A_MOVES, B_SHORTENS, aOther), BY_PATH);

    assertThat(m)
        .isEqualTo(map("event/42/start", "10", "event/42/end", "11", "event/43/start", "1"));
  }

  @Test
  void causalGroupOracle_ungroupedKeys_behaveAsLww() {
    Change a1 = change("A", 1, 5, seen(), Op.put("title", "from-A"), Op.put("color", "red"));
    Change b1 = change("B", 1, 6, seen(), Op.put("title", "from-B"));
    List<Change> changes = List.of(a1, b1);

    MaterialisedMap m = CausalGroupOracle.materialise(changes, BY_PATH);

    assertThat(m).isEqualTo(map("color", "red", "title", "from-B"));
    assertThat(m).isEqualTo(LwwMapOracle.materialise(changes));
  }

  @Test
  void causalGroupOracle_singletonGroups_equalLww() {
    List<Change> changes = List.of(BASE, A_MOVES, B_SHORTENS);

    assertThat(CausalGroupOracle.materialise(changes, KeyGroups.singletons()))
        .isEqualTo(LwwMapOracle.materialise(changes))
        .isEqualTo(map("event/42/start", "14", "event/42/end", "11"));
  }

  @Test
  void oracle_causalGroupPolicy_dispatchesToCausalGroupOracle() {
    List<Change> changes = List.of(BASE, A_MOVES, B_SHORTENS);

    assertThat(Oracle.materialise(RegisterPolicy.CAUSAL_GROUP, changes, BY_PATH))
        .isEqualTo(CausalGroupOracle.materialise(changes, BY_PATH));
    assertThat(Oracle.materialise(RegisterPolicy.LWW, changes, BY_PATH))
        .isEqualTo(LwwMapOracle.materialise(changes));
  }

  @Test
  void winner_isGreatestChangeInChangeOrder() {
    assertThat(CausalGroupOracle.winner(List.of(BASE, B_SHORTENS, A_MOVES))).contains(B_SHORTENS);
    assertThat(CausalGroupOracle.winner(List.of())).isEmpty();
  }

  @Test
  void byParentPath_groupsSiblingsAndLeavesPlainKeysAlone() {
    assertThat(BY_PATH.groupOf(Key.of("event/42/start"))).isEqualTo("event/42/");
    assertThat(BY_PATH.groupOf(Key.of("event/42/end"))).isEqualTo("event/42/");
    assertThat(BY_PATH.groupOf(Key.of("title"))).isEqualTo("title");
  }

  private static long number(MaterialisedMap m, String key) {
    return Long.parseLong(m.single(Key.of(key)).value());
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

  /** A single-valued map from alternating keys and values. */
  private static MaterialisedMap map(String... keysAndValues) {
    Map<Key, Value> m = new TreeMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(Key.of(keysAndValues[i]), Value.of(keysAndValues[i + 1]));
    }
    return MaterialisedMap.ofSingle(m);
  }
}
