package dev.entente.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionVectorTest {
  private static final ReplicaId A = ReplicaId.of("A");
  private static final ReplicaId B = ReplicaId.of("B");
  private static final ReplicaId C = ReplicaId.of("C");

  @Test
  void get_absentReplica_isZero() {
    assertThat(VersionVector.EMPTY.get(A)).isZero();
    assertThat(vv(B, 2).get(A)).isZero();
  }

  @Test
  void covers_dotAtOrBelowCounter_isTrueAbove_isFalse() {
    VersionVector v = vv(A, 2);

    assertThat(v.covers(Dot.of("A", 1))).isTrue();
    assertThat(v.covers(Dot.of("A", 2))).isTrue();
    assertThat(v.covers(Dot.of("A", 3))).isFalse();
    assertThat(v.covers(Dot.of("B", 1))).isFalse();
  }

  @Test
  void merge_overlappingVectors_takesEntryWiseMaximum() {
    VersionVector left = vv(A, 3, B, 1);
    VersionVector right = vv(B, 4, C, 2);

    assertThat(left.merge(right)).isEqualTo(vv(A, 3, B, 4, C, 2));
    assertThat(right.merge(left)).isEqualTo(left.merge(right));
  }

  @Test
  void merge_withItselfOrEmpty_isUnchanged() {
    VersionVector v = vv(A, 3, B, 1);

    assertThat(v.merge(v)).isEqualTo(v);
    assertThat(v.merge(VersionVector.EMPTY)).isEqualTo(v);
    assertThat(VersionVector.EMPTY.merge(v)).isEqualTo(v);
  }

  @Test
  void merge_leavesOperandsUnchanged() {
    VersionVector left = vv(A, 1);

    left.merge(vv(A, 5));

    assertThat(left).isEqualTo(vv(A, 1));
  }

  @Test
  void dominates_everyEntryAtLeast_isTrue() {
    assertThat(vv(A, 2, B, 1).dominates(vv(A, 2))).isTrue();
    assertThat(vv(A, 2).dominates(VersionVector.EMPTY)).isTrue();
    assertThat(vv(A, 2).dominates(vv(A, 2))).isTrue();
  }

  @Test
  void dominates_someEntrySmallerOrMissing_isFalse() {
    assertThat(vv(A, 2).dominates(vv(A, 3))).isFalse();
    assertThat(vv(A, 2).dominates(vv(A, 1, B, 1))).isFalse();
    assertThat(VersionVector.EMPTY.dominates(vv(C, 1))).isFalse();
  }

  @Test
  void compare_sameEntries_isEqual() {
    assertThat(vv(A, 1, B, 2).compare(vv(A, 1, B, 2))).isEqualTo(VersionVector.Ordering.EQUAL);
    assertThat(VersionVector.EMPTY.compare(VersionVector.EMPTY))
        .isEqualTo(VersionVector.Ordering.EQUAL);
  }

  @Test
  void compare_strictlyBelow_isBefore() {
    assertThat(vv(A, 1).compare(vv(A, 1, B, 1))).isEqualTo(VersionVector.Ordering.BEFORE);
    assertThat(VersionVector.EMPTY.compare(vv(A, 1))).isEqualTo(VersionVector.Ordering.BEFORE);
  }

  @Test
  void compare_strictlyAbove_isAfter() {
    assertThat(vv(A, 2, B, 1).compare(vv(A, 1, B, 1))).isEqualTo(VersionVector.Ordering.AFTER);
  }

  @Test
  void compare_eachAheadSomewhere_isConcurrent() {
    assertThat(vv(A, 2, B, 1).compare(vv(A, 1, B, 2))).isEqualTo(VersionVector.Ordering.CONCURRENT);
    assertThat(vv(A, 1).compare(vv(B, 1))).isEqualTo(VersionVector.Ordering.CONCURRENT);
  }

  @Test
  void of_zeroEntries_areDropped() {
    VersionVector v = vv(A, 0, B, 2);

    assertThat(v.entries()).containsOnlyKeys(B);
    assertThat(vv(A, 0)).isEqualTo(VersionVector.EMPTY);
  }

  @Test
  void with_zeroCounter_removesEntry() {
    VersionVector v = vv(A, 3, B, 2).with(A, 0);

    assertThat(v.entries()).containsOnlyKeys(B);
    assertThat(v).isEqualTo(vv(B, 2));
  }

  @Test
  void with_positiveCounter_setsEntryEvenWhenLower() {
    assertThat(vv(A, 3).with(A, 1)).isEqualTo(vv(A, 1));
    assertThat(vv(A, 3).with(B, 4)).isEqualTo(vv(A, 3, B, 4));
  }

  @Test
  void with_negativeCounter_isRejected() {
    assertThatThrownBy(() -> VersionVector.EMPTY.with(A, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equals_sameCountersSpelledDifferently_areEqualWithEqualHashCodes() {
    VersionVector withZero = vv(C, 0, B, 2, A, 1);
    VersionVector plain = vv(A, 1, B, 2);

    assertThat(withZero).isEqualTo(plain);
    assertThat(withZero.hashCode()).isEqualTo(plain.hashCode());
    assertThat(withZero).hasToString(plain.toString());
  }

  @Test
  void equals_differentCounters_areNotEqual() {
    assertThat(vv(A, 1)).isNotEqualTo(vv(A, 2)).isNotEqualTo(vv(B, 1)).isNotEqualTo("{A=1}");
    assertThat(vv(A, 1).hashCode()).isNotEqualTo(VersionVector.EMPTY.hashCode());
  }

  @Test
  void toString_listsEntriesInReplicaOrder() {
    assertThat(vv(B, 2, A, 1)).hasToString("{A=1, B=2}");
  }

  @Test
  void of_nullReplicaOrCounter_isRejected() {
    Map<ReplicaId, Long> nullReplica = new HashMap<>();
    nullReplica.put(null, 1L);
    assertThatThrownBy(() -> VersionVector.of(nullReplica))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("version vector replica must not be null");
    Map<ReplicaId, Long> nullCounter = new HashMap<>();
    nullCounter.put(A, null);
    assertThatThrownBy(() -> VersionVector.of(nullCounter))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is null");
  }

  @Test
  void entries_areSortedByReplicaAndUnmodifiable() {
    VersionVector v = vv(C, 1, A, 2, B, 3);

    assertThat(v.entries().keySet()).containsExactly(A, B, C);
    assertThatThrownBy(() -> v.entries().put(A, 9L))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void of_negativeCounter_isRejectedNamingTheReplica() {
    assertThatThrownBy(() -> vv(A, -2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("A")
        .hasMessageContaining("-2");
  }

  @Test
  void of_copiesItsInput() {
    Map<ReplicaId, Long> source = new LinkedHashMap<>();
    source.put(A, 1L);
    VersionVector v = VersionVector.of(source);

    source.put(A, 7L);

    assertThat(v.get(A)).isEqualTo(1);
  }

  @Test
  void size_isSumOfCounters() {
    assertThat(vv(A, 3, B, 4).size()).isEqualTo(7);
    assertThat(VersionVector.EMPTY.size()).isZero();
  }

  private static VersionVector vv(Object... replicaCounterPairs) {
    Map<ReplicaId, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < replicaCounterPairs.length; i += 2) {
      m.put((ReplicaId) replicaCounterPairs[i], ((Integer) replicaCounterPairs[i + 1]).longValue());
    }
    return VersionVector.of(m);
  }
}
