package dev.entente.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Key;
import dev.entente.model.LwwMapOracle;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LwwMapTest {
  private static final Change A1_PUT_T2 = change("A", 1, 2, Op.put("k", "from-A"));
  private static final Change B1_PUT_T1 = change("B", 1, 1, Op.put("k", "from-B"));
  private static final Change C1_DELETE_T3 = change("C", 1, 3, Op.delete("k"));

  private final LwwMap left = new LwwMap();
  private final LwwMap right = new LwwMap();

  @AfterEach
  void checkRep() {
    left.checkRep();
    right.checkRep();
  }

  @Test
  void policy_isLww() {
    assertThat(left.policy()).isEqualTo(RegisterPolicy.LWW);
  }

  @Test
  void apply_greaterTimestamp_winsInEitherOrder() {
    left.apply(A1_PUT_T2);
    left.apply(B1_PUT_T1);
    right.apply(B1_PUT_T1);
    right.apply(A1_PUT_T2);

    assertThat(left.materialise()).isEqualTo(map("k", "from-A"));
    assertThat(right.materialise()).isEqualTo(left.materialise());
  }

  @Test
  void apply_equalTimestamps_greaterReplicaIdWins() {
    left.apply(change("B", 1, 5, Op.put("k", "from-B")));
    left.apply(change("A", 1, 5, Op.put("k", "from-A")));

    assertThat(left.materialise()).isEqualTo(map("k", "from-B"));
  }

  @Test
  void apply_twoOpsOnOneKeyInOneChange_laterOpWins() {
    left.apply(change("A", 1, 1, Op.put("k", "first"), Op.put("k", "second")));

    assertThat(left.materialise()).isEqualTo(map("k", "second"));
  }

  @Test
  void apply_winningDelete_keepsTombstoneAndHidesKey() {
    left.apply(A1_PUT_T2);
    left.apply(C1_DELETE_T3);

    assertThat(left.materialise()).isEqualTo(MaterialisedMap.EMPTY);
    assertThat(left.tombstoneCount()).isEqualTo(1);
    assertThat(left.registerCount()).isEqualTo(1);
  }

  @Test
  void apply_olderPutAfterTombstone_doesNotResurrectKey() {
    left.apply(C1_DELETE_T3);
    left.apply(A1_PUT_T2);

    assertThat(left.materialise()).isEqualTo(MaterialisedMap.EMPTY);
    assertThat(left.tombstoneCount()).isEqualTo(1);
  }

  @Test
  void apply_newerPutOverTombstone_revivesKeyAndDropsTombstone() {
    left.apply(C1_DELETE_T3);
    left.apply(change("A", 2, 4, Op.put("k", "back")));

    assertThat(left.materialise()).isEqualTo(map("k", "back"));
    assertThat(left.tombstoneCount()).isZero();
  }

  @Test
  void apply_anyOrder_matchesOracle() {
    List<Change> changes =
        List.of(A1_PUT_T2, B1_PUT_T1, C1_DELETE_T3, change("D", 1, 1, Op.put("j", "x")));
    left.apply(changes.get(3));
    left.apply(changes.get(2));
    left.apply(changes.get(0));
    left.apply(changes.get(1));

    assertThat(left.materialise()).isEqualTo(LwwMapOracle.materialise(changes));
  }

  @Test
  void mergeFrom_takesGreaterRegisterPerKey() {
    left.apply(A1_PUT_T2);
    left.apply(change("A", 2, 1, Op.put("j", "left")));
    right.apply(B1_PUT_T1);
    right.apply(change("B", 2, 9, Op.put("j", "right")));

    left.mergeFrom(right);

    assertThat(left.materialise()).isEqualTo(map("j", "right", "k", "from-A"));
  }

  @Test
  void mergeFrom_isCommutativeAndIdempotent() {
    left.apply(A1_PUT_T2);
    right.apply(C1_DELETE_T3);
    right.apply(change("B", 1, 1, Op.put("j", "x")));
    LwwMap leftThenRight = left.copy();
    leftThenRight.mergeFrom(right);
    LwwMap rightThenLeft = right.copy();
    rightThenLeft.mergeFrom(left);

    leftThenRight.mergeFrom(right);

    assertThat(leftThenRight.materialise()).isEqualTo(rightThenLeft.materialise());
    assertThat(leftThenRight.materialise()).isEqualTo(map("j", "x"));
    assertThat(leftThenRight.tombstoneCount()).isEqualTo(1);
    leftThenRight.checkRep();
    rightThenLeft.checkRep();
  }

  @Test
  void isLessOrEqual_followsRegisterOrder() {
    left.apply(B1_PUT_T1);
    right.apply(A1_PUT_T2);

    assertThat(left.isLessOrEqual(right)).isTrue();
    assertThat(right.isLessOrEqual(left)).isFalse();
    assertThat(new LwwMap().isLessOrEqual(left)).isTrue();
  }

  @Test
  void isLessOrEqual_keyMissingFromOther_isFalse() {
    left.apply(change("A", 1, 1, Op.put("only-left", "x")));
    right.apply(A1_PUT_T2);

    assertThat(left.isLessOrEqual(right)).isFalse();
  }

  @Test
  void copy_isIndependentOfOriginal() {
    left.apply(B1_PUT_T1);
    LwwMap copy = left.copy();

    copy.apply(C1_DELETE_T3);

    assertThat(left.materialise()).isEqualTo(map("k", "from-B"));
    assertThat(left.tombstoneCount()).isZero();
    assertThat(copy.materialise()).isEqualTo(MaterialisedMap.EMPTY);
    copy.checkRep();
  }

  @Test
  void mergeFrom_otherPolicy_isRejected() {
    assertThatThrownBy(() -> left.mergeFrom(new MvMap()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot merge MV into LWW");
  }

  private static Change change(String author, long seq, long wall, Op... ops) {
    return new Change(
        ReplicaId.of(author), seq, new HlcTimestamp(wall, 0), VersionVector.EMPTY, List.of(ops));
  }

  private static MaterialisedMap map(String... keysAndValues) {
    Map<Key, Value> m = new TreeMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(Key.of(keysAndValues[i]), Value.of(keysAndValues[i + 1]));
    }
    return MaterialisedMap.ofSingle(m);
  }
}
