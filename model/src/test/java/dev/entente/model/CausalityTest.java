package dev.entente.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CausalityTest {
  private static final Change A1 = change("A", 1);
  private static final Change B1_SAW_A1 = change("B", 1, "A", 1);
  private static final Change C1 = change("C", 1);

  @Test
  void happenedBefore_laterChangeSawEarlier_isTrueOneWayOnly() {
    assertThat(Causality.happenedBefore(A1, B1_SAW_A1)).isTrue();
    assertThat(Causality.happenedBefore(B1_SAW_A1, A1)).isFalse();
  }

  @Test
  void happenedBefore_sameAuthorEarlierSeq_isTrue() {
    Change a2 = change("A", 2);

    assertThat(Causality.happenedBefore(A1, a2)).isTrue();
    assertThat(Causality.concurrent(A1, a2)).isFalse();
  }

  @Test
  void concurrent_neitherSawTheOther_isTrue() {
    assertThat(Causality.concurrent(A1, C1)).isTrue();
    assertThat(Causality.concurrent(C1, A1)).isTrue();
    assertThat(Causality.concurrent(B1_SAW_A1, C1)).isTrue();
  }

  @Test
  void concurrent_causallyRelated_isFalse() {
    assertThat(Causality.concurrent(A1, B1_SAW_A1)).isFalse();
    assertThat(Causality.concurrent(B1_SAW_A1, A1)).isFalse();
  }

  @Test
  void concurrent_changeWithItself_isFalse() {
    assertThat(Causality.concurrent(A1, A1)).isFalse();
    assertThat(Causality.happenedBefore(A1, A1)).isFalse();
  }

  @Test
  void happenedBefore_onlyDeclaredVectorsCount_notTransitiveClosure() {
    // C2 declares it saw B1 but not A1, although B1 saw A1: the relation is the declared one.
    Change c2 = change("C", 2, "B", 1);

    assertThat(Causality.happenedBefore(B1_SAW_A1, c2)).isTrue();
    assertThat(Causality.happenedBefore(A1, c2)).isFalse();
  }

  private static Change change(String author, long seq, Object... seenPairs) {
    Map<ReplicaId, Long> seen = new TreeMap<>();
    for (int i = 0; i < seenPairs.length; i += 2) {
      seen.put(ReplicaId.of((String) seenPairs[i]), ((Integer) seenPairs[i + 1]).longValue());
    }
    return new Change(
        ReplicaId.of(author),
        seq,
        new HlcTimestamp(seq, 0),
        VersionVector.of(seen),
        List.of(Op.put("k", author + seq)));
  }
}
