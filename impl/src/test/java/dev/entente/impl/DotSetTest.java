package dev.entente.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.model.Dot;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DotSetTest {
  private static final ReplicaId A = ReplicaId.of("A");
  private static final ReplicaId B = ReplicaId.of("B");

  private final DotSet dots = new DotSet();

  @AfterEach
  void checkRep() {
    dots.checkRep();
  }

  @Test
  void empty_containsNothingAndHasEmptyVector() {
    assertThat(dots.contains(Dot.of("A", 1))).isFalse();
    assertThat(dots.versionVector()).isEqualTo(VersionVector.EMPTY);
    assertThat(dots.size()).isZero();
    assertThat(dots.maxCounter(A)).isZero();
    assertThat(dots.hasGaps()).isFalse();
  }

  @Test
  void add_inOrder_extendsPrefix() {
    dots.add(Dot.of("A", 1));
    dots.add(Dot.of("A", 2));
    dots.add(Dot.of("B", 1));

    assertThat(dots.versionVector()).isEqualTo(VersionVector.of(Map.of(A, 2L, B, 1L)));
    assertThat(dots.size()).isEqualTo(3);
    assertThat(dots.hasGaps()).isFalse();
  }

  @Test
  void add_duplicate_returnsFalseAndKeepsSize() {
    assertThat(dots.add(Dot.of("A", 1))).isTrue();
    assertThat(dots.add(Dot.of("A", 1))).isFalse();
    assertThat(dots.add(Dot.of("A", 3))).isTrue();
    assertThat(dots.add(Dot.of("A", 3))).isFalse();

    assertThat(dots.size()).isEqualTo(2);
  }

  @Test
  void add_beyondGap_isContainedButNotInVersionVector() {
    dots.add(Dot.of("A", 1));
    dots.add(Dot.of("A", 3));

    assertThat(dots.contains(Dot.of("A", 3))).isTrue();
    assertThat(dots.contains(Dot.of("A", 2))).isFalse();
    assertThat(dots.versionVector()).isEqualTo(VersionVector.of(Map.of(A, 1L)));
    assertThat(dots.hasGaps()).isTrue();
  }

  @Test
  void add_onlyDotsBeyondGap_versionVectorOmitsReplica() {
    dots.add(Dot.of("A", 2));

    assertThat(dots.versionVector()).isEqualTo(VersionVector.EMPTY);
    assertThat(dots.maxCounter(A)).isEqualTo(2);
  }

  @Test
  void add_fillingGap_foldsAllContiguousExtrasIntoPrefix() {
    dots.add(Dot.of("A", 4));
    dots.add(Dot.of("A", 2));
    dots.add(Dot.of("A", 3));
    dots.add(Dot.of("A", 6));

    dots.add(Dot.of("A", 1));

    assertThat(dots.versionVector()).isEqualTo(VersionVector.of(Map.of(A, 4L)));
    assertThat(dots.hasGaps()).isTrue();
    assertThat(dots.contains(Dot.of("A", 6))).isTrue();

    dots.add(Dot.of("A", 5));

    assertThat(dots.versionVector()).isEqualTo(VersionVector.of(Map.of(A, 6L)));
    assertThat(dots.hasGaps()).isFalse();
    assertThat(dots.size()).isEqualTo(6);
  }

  @Test
  void maxCounter_withGaps_isGreatestAddedNotPrefix() {
    dots.add(Dot.of("A", 1));
    dots.add(Dot.of("A", 7));
    dots.add(Dot.of("A", 4));
    dots.add(Dot.of("B", 2));
    dots.add(Dot.of("B", 1));

    assertThat(dots.maxCounter(A)).isEqualTo(7);
    assertThat(dots.maxCounter(B)).isEqualTo(2);
    assertThat(dots.maxCounter(ReplicaId.of("C"))).isZero();
  }

  @Test
  void gapsOfOneReplica_doNotAffectAnother() {
    dots.add(Dot.of("A", 3));
    dots.add(Dot.of("B", 1));

    assertThat(dots.versionVector()).isEqualTo(VersionVector.of(Map.of(B, 1L)));
    assertThat(dots.contains(Dot.of("B", 3))).isFalse();
  }

  @Test
  void checkRep_afterManyOutOfOrderAdds_passes() {
    long[] order = {5, 3, 9, 1, 2, 8, 4, 7, 6};
    for (long n : order) {
      dots.add(Dot.of("A", n));
      dots.checkRep();
    }

    assertThat(dots.versionVector()).isEqualTo(VersionVector.of(Map.of(A, 9L)));
    assertThat(dots.size()).isEqualTo(9);
  }

  @Test
  void prefixesDominate_ignoresDotsBeyondAGap_likeTheVersionVector() {
    DotSet set = new DotSet();
    set.add(new Dot(A, 1));
    set.add(new Dot(A, 3));
    set.add(new Dot(B, 1));
    VersionVector coveredPrefix = VersionVector.of(java.util.Map.of(A, 1L, B, 1L));
    VersionVector beyondGap = VersionVector.of(java.util.Map.of(A, 3L));
    VersionVector unknownReplica = VersionVector.of(java.util.Map.of(ReplicaId.of("C"), 1L));

    for (VersionVector v : java.util.List.of(coveredPrefix, beyondGap, unknownReplica)) {
      assertThat(set.prefixesDominate(v)).as("%s", v).isEqualTo(set.versionVector().dominates(v));
    }
    assertThat(set.prefixesDominate(coveredPrefix)).isTrue();
    assertThat(set.prefixesDominate(beyondGap)).isFalse();
    assertThat(set.prefixesDominate(VersionVector.EMPTY)).isTrue();
  }
}
