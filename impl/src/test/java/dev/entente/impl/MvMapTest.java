package dev.entente.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.InvariantViolation;
import dev.entente.model.Key;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.MvMapOracle;
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

class MvMapTest {
  private static final Key K = Key.of("k");
  private static final Change A1_PUT_X = change("A", 1, seen(), Op.put("k", "x"));
  private static final Change B1_PUT_Y = change("B", 1, seen(), Op.put("k", "y"));

  private final MvMap left = new MvMap();
  private final MvMap right = new MvMap();

  @AfterEach
  void checkRep() {
    left.checkRep();
    right.checkRep();
  }

  @Test
  void policy_isMv() {
    assertThat(left.policy()).isEqualTo(RegisterPolicy.MV);
  }

  @Test
  void apply_concurrentPuts_becomeSiblings() {
    left.apply(A1_PUT_X);
    left.apply(B1_PUT_Y);

    assertThat(left.materialise().get(K)).containsExactly(Value.of("x"), Value.of("y"));
    assertThat(left.keptWriteCount()).isEqualTo(2);
  }

  @Test
  void apply_writeThatSawBothSiblings_replacesThem() {
    left.apply(A1_PUT_X);
    left.apply(B1_PUT_Y);

    left.apply(change("C", 1, seen("A:1", "B:1"), Op.put("k", "z")));

    assertThat(left.materialise().get(K)).containsExactly(Value.of("z"));
    assertThat(left.keptWriteCount()).isEqualTo(1);
  }

  @Test
  void apply_deleteThatSawPut_removesKeyWithoutTombstone() {
    left.apply(A1_PUT_X);

    left.apply(change("B", 1, seen("A:1"), Op.delete("k")));

    assertThat(left.materialise()).isEqualTo(MaterialisedMap.EMPTY);
    assertThat(left.keptWriteCount()).isZero();
    assertThat(left.tombstoneCount()).isZero();
  }

  @Test
  void apply_concurrentDelete_doesNotRemovePut() {
    left.apply(A1_PUT_X);

    left.apply(change("B", 1, seen(), Op.delete("k")));

    assertThat(left.materialise().get(K)).containsExactly(Value.of("x"));
  }

  @Test
  void apply_putThenPutInOneChange_keepsOnlyLater() {
    left.apply(change("A", 1, seen(), Op.put("k", "first"), Op.put("k", "second")));

    assertThat(left.materialise().get(K)).containsExactly(Value.of("second"));
    assertThat(left.keptWriteCount()).isEqualTo(1);
  }

  @Test
  void apply_beforeCausalPast_throwsInvariantViolationAndLeavesMapUnchanged() {
    Change b1SawA1 = change("B", 1, seen("A:1"), Op.put("k", "y"));

    assertThatThrownBy(() -> left.apply(b1SawA1))
        .isInstanceOf(InvariantViolation.class)
        .hasMessageContaining("B:1")
        .hasMessageContaining("causal past");
    assertThat(left.materialise()).isEqualTo(MaterialisedMap.EMPTY);
  }

  @Test
  void apply_sameAuthorGap_throwsInvariantViolation() {
    Change a2 = change("A", 2, seen(), Op.put("k", "y"));

    assertThatThrownBy(() -> left.apply(a2)).isInstanceOf(InvariantViolation.class);
  }

  @Test
  void apply_causalOrder_matchesOracle() {
    Change c1 = change("C", 1, seen("A:1"), Op.delete("k"), Op.put("j", "w"));
    List<Change> changes = List.of(A1_PUT_X, B1_PUT_Y, c1);
    changes.forEach(left::apply);

    assertThat(left.materialise()).isEqualTo(MvMapOracle.materialise(changes));
    assertThat(left.materialise().get(K)).containsExactly(Value.of("y"));
  }

  @Test
  void mergeFrom_writeTheOtherSideSuperseded_isDropped() {
    left.apply(A1_PUT_X);
    right.apply(A1_PUT_X);
    right.apply(change("B", 1, seen("A:1"), Op.put("k", "y")));

    left.mergeFrom(right);

    assertThat(left.materialise().get(K)).containsExactly(Value.of("y"));
    assertThat(left.keptWriteCount()).isEqualTo(1);
  }

  @Test
  void mergeFrom_writeTheOtherSideDeleted_isDroppedInBothDirections() {
    left.apply(A1_PUT_X);
    right.apply(A1_PUT_X);
    right.apply(change("B", 1, seen("A:1"), Op.delete("k")));
    MvMap rightCopy = right.copy();

    left.mergeFrom(right);
    rightCopy.mergeFrom(left);

    assertThat(left.materialise()).isEqualTo(MaterialisedMap.EMPTY);
    assertThat(rightCopy.materialise()).isEqualTo(MaterialisedMap.EMPTY);
    rightCopy.checkRep();
  }

  @Test
  void mergeFrom_concurrentWrites_becomeSiblings() {
    left.apply(A1_PUT_X);
    right.apply(B1_PUT_Y);

    left.mergeFrom(right);

    assertThat(left.materialise().get(K)).containsExactly(Value.of("x"), Value.of("y"));
    assertThat(left.isLessOrEqual(right)).isFalse();
    assertThat(right.isLessOrEqual(left)).isTrue();
  }

  @Test
  void mergeFrom_twice_isIdempotent() {
    left.apply(A1_PUT_X);
    right.apply(B1_PUT_Y);
    left.mergeFrom(right);
    MaterialisedMap once = left.materialise();

    left.mergeFrom(right);
    left.mergeFrom(left.copy());

    assertThat(left.materialise()).isEqualTo(once);
    assertThat(left.keptWriteCount()).isEqualTo(2);
  }

  @Test
  void isLessOrEqual_subsetOfCausalHistory_isTrueOnlyOneWay() {
    left.apply(A1_PUT_X);
    right.apply(A1_PUT_X);
    right.apply(change("B", 1, seen("A:1"), Op.put("k", "y")));

    assertThat(left.isLessOrEqual(right)).isTrue();
    assertThat(right.isLessOrEqual(left)).isFalse();
    assertThat(left.isLessOrEqual(left)).isTrue();
  }

  @Test
  void copy_isIndependentOfOriginal() {
    left.apply(A1_PUT_X);
    MvMap copy = left.copy();

    copy.apply(change("B", 1, seen("A:1"), Op.delete("k")));

    assertThat(left.materialise().get(K)).containsExactly(Value.of("x"));
    assertThat(copy.materialise()).isEqualTo(MaterialisedMap.EMPTY);
    copy.checkRep();
  }

  @Test
  void mergeFrom_otherPolicy_isRejected() {
    assertThatThrownBy(() -> left.mergeFrom(new LwwMap()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot merge LWW into MV");
  }

  private static Change change(String author, long seq, VersionVector seen, Op... ops) {
    return new Change(ReplicaId.of(author), seq, new HlcTimestamp(seq, 0), seen, List.of(ops));
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
