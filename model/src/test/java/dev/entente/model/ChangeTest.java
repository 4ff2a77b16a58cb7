package dev.entente.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ChangeTest {
  private static final ReplicaId A = ReplicaId.of("A");
  private static final ReplicaId B = ReplicaId.of("B");
  private static final HlcTimestamp TS = new HlcTimestamp(1, 0);
  private static final List<Op> ONE_PUT = List.of(Op.put("k", "v"));

  @Test
  void new_seenWithoutAuthorEntry_isNormalisedToSeqMinusOne() {
    Change c = new Change(A, 3, TS, VersionVector.EMPTY, ONE_PUT);

    assertThat(c.seen().get(A)).isEqualTo(2);
  }

  @Test
  void new_seenWithLowerAuthorEntry_isRaisedToSeqMinusOne() {
    Change c = new Change(A, 3, TS, vv(A, 1L, B, 4L), ONE_PUT);

    assertThat(c.seen()).isEqualTo(vv(A, 2L, B, 4L));
  }

  @Test
  void new_firstChange_hasNoAuthorEntry() {
    Change c = new Change(A, 1, TS, vv(B, 2L), ONE_PUT);

    assertThat(c.seen()).isEqualTo(vv(B, 2L));
    assertThat(c.seen().entries()).doesNotContainKey(A);
  }

  @Test
  void equals_authorEntrySpelledDifferently_isEqual() {
    Change implicit = new Change(A, 2, TS, vv(B, 1L), ONE_PUT);
    Change explicit = new Change(A, 2, TS, vv(A, 1L, B, 1L), ONE_PUT);

    assertThat(implicit).isEqualTo(explicit);
    assertThat(implicit.hashCode()).isEqualTo(explicit.hashCode());
  }

  @Test
  void new_seenCoversOwnSeq_isRejected() {
    assertThatThrownBy(() -> new Change(A, 2, TS, vv(A, 2L), ONE_PUT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("A:2 claims to have seen its own change A:2");
  }

  @Test
  void new_seenCoversLaterOwnSeq_isRejected() {
    assertThatThrownBy(() -> new Change(A, 2, TS, vv(A, 5L), ONE_PUT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("A:5");
  }

  @Test
  void new_emptyOps_isRejected() {
    assertThatThrownBy(() -> new Change(A, 1, TS, VersionVector.EMPTY, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("A:1 has no ops");
  }

  @Test
  void new_tooManyOps_isRejected() {
    List<Op> ops = Collections.nCopies(Change.MAX_OPS + 1, Op.put("k", "v"));

    assertThatThrownBy(() -> new Change(A, 1, TS, VersionVector.EMPTY, ops))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("65536 ops");
  }

  @Test
  void new_maxOps_isAccepted() {
    List<Op> ops = Collections.nCopies(Change.MAX_OPS, Op.put("k", "v"));

    assertThat(new Change(A, 1, TS, VersionVector.EMPTY, ops).ops()).hasSize(65_535);
  }

  @Test
  void new_nullOp_isRejected() {
    List<Op> ops = new ArrayList<>();
    ops.add(Op.put("k", "v"));
    ops.add(null);

    assertThatThrownBy(() -> new Change(A, 1, TS, VersionVector.EMPTY, ops))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("op 1 is null");
  }

  @Test
  void new_seqZero_isRejected() {
    assertThatThrownBy(() -> new Change(A, 0, TS, VersionVector.EMPTY, ONE_PUT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seq must be >= 1");
  }

  @Test
  void new_nullParts_areRejected() {
    VersionVector e = VersionVector.EMPTY;
    assertThatThrownBy(() -> new Change(null, 1, TS, e, ONE_PUT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Change(A, 1, null, e, ONE_PUT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Change(A, 1, TS, null, ONE_PUT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Change(A, 1, TS, e, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void new_opsListIsCopied() {
    List<Op> ops = new ArrayList<>(ONE_PUT);
    Change c = new Change(A, 1, TS, VersionVector.EMPTY, ops);

    ops.add(Op.delete("k"));

    assertThat(c.ops()).containsExactly(Op.put("k", "v"));
    assertThatThrownBy(() -> c.ops().add(Op.delete("x")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void dot_isAuthorAndSeq() {
    assertThat(new Change(A, 4, TS, VersionVector.EMPTY, ONE_PUT).dot()).isEqualTo(Dot.of("A", 4));
  }

  @Test
  void hasSeen_otherCoveredBySeen_isTrue() {
    Change b1 = new Change(B, 1, TS, VersionVector.EMPTY, ONE_PUT);
    Change a1 = new Change(A, 1, TS, vv(B, 1L), ONE_PUT);

    assertThat(a1.hasSeen(b1)).isTrue();
    assertThat(b1.hasSeen(a1)).isFalse();
  }

  @Test
  void hasSeen_ownEarlierChange_isImpliedByNormalisation() {
    Change a1 = new Change(A, 1, TS, VersionVector.EMPTY, ONE_PUT);
    Change a3 = new Change(A, 3, TS, VersionVector.EMPTY, ONE_PUT);

    assertThat(a3.hasSeen(a1)).isTrue();
    assertThat(a1.hasSeen(a1)).isFalse();
  }

  private static VersionVector vv(Object... replicaCounterPairs) {
    Map<ReplicaId, Long> m = new TreeMap<>();
    for (int i = 0; i < replicaCounterPairs.length; i += 2) {
      m.put((ReplicaId) replicaCounterPairs[i], (Long) replicaCounterPairs[i + 1]);
    }
    return VersionVector.of(m);
  }
}
