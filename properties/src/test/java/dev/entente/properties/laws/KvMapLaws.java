package dev.entente.properties.laws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.KvMap;
import dev.entente.model.Change;
import dev.entente.model.KeyGroups;
import dev.entente.model.Oracle;
import dev.entente.model.RegisterPolicy;
import dev.entente.properties.gen.History;
import dev.entente.properties.gen.HistoryArbitraries;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The state-based CRDT laws, written once for every {@link KvMap}: merge is a join (commutative,
 * associative, idempotent, inflationary), the lattice order agrees with merge, and both applying
 * changes and merging states agree with the oracle.
 *
 * <p>States are built from causally closed snapshots of generated histories, which are exactly the
 * states replicas can reach.
 */
public interface KvMapLaws {
  /** The policy under test. */
  RegisterPolicy policy();

  /** A new, empty map of the policy under test. */
  KvMap emptyMap();

  /** The key groups the policy uses. */
  default KeyGroups groups() {
    return KeyGroups.byParentPath();
  }

  @Provide
  default Arbitrary<History> histories() {
    return HistoryArbitraries.histories();
  }

  @Property
  default void apply_anyCausalSnapshot_agreesWithOracle(
      @ForAll("histories") History h, @ForAll int i) {
    List<Change> snapshot = h.snapshot(i);
    assertThat(build(snapshot).materialise())
        .as("map built from %s", snapshot)
        .isEqualTo(Oracle.materialise(policy(), snapshot, groups()));
  }

  @Property
  default void merge_isCommutative(@ForAll("histories") History h, @ForAll int i, @ForAll int j) {
    KvMap a = build(h.snapshot(i));
    KvMap b = build(h.snapshot(j));
    assertSameState(merge(a, b), merge(b, a));
  }

  @Property
  default void merge_isAssociative(
      @ForAll("histories") History h, @ForAll int i, @ForAll int j, @ForAll int k) {
    KvMap a = build(h.snapshot(i));
    KvMap b = build(h.snapshot(j));
    KvMap c = build(h.snapshot(k));
    assertSameState(merge(merge(a, b), c), merge(a, merge(b, c)));
  }

  @Property
  default void merge_isIdempotent(@ForAll("histories") History h, @ForAll int i) {
    KvMap a = build(h.snapshot(i));
    assertSameState(merge(a, a.copy()), a);
  }

  @Property
  default void merge_isInflationary(@ForAll("histories") History h, @ForAll int i, @ForAll int j) {
    KvMap a = build(h.snapshot(i));
    KvMap b = build(h.snapshot(j));
    KvMap joined = merge(a, b);
    assertThat(a.isLessOrEqual(joined)).as("a <= a merge b").isTrue();
    assertThat(b.isLessOrEqual(joined)).as("b <= a merge b").isTrue();
  }

  @Property
  default void order_lessOrEqual_meansMergeAddsNothing(
      @ForAll("histories") History h, @ForAll int i, @ForAll int j) {
    KvMap a = build(h.snapshot(i));
    KvMap b = build(h.snapshot(j));
    if (a.isLessOrEqual(b)) {
      assertThat(merge(a, b).materialise()).isEqualTo(b.materialise());
      assertThat(merge(a, b).isLessOrEqual(b)).isTrue();
    }
  }

  @Property
  default void merge_agreesWithOracleOnTheUnion(
      @ForAll("histories") History h, @ForAll int i, @ForAll int j) {
    List<Change> left = h.snapshot(i);
    List<Change> right = h.snapshot(j);
    Set<Change> union = new LinkedHashSet<>(left);
    union.addAll(right);
    KvMap joined = merge(build(left), build(right));
    joined.checkRep();
    assertThat(joined.materialise())
        .as("merge of %s and %s", left, right)
        .isEqualTo(Oracle.materialise(policy(), union, groups()));
  }

  private KvMap build(List<Change> causallyOrdered) {
    KvMap map = emptyMap();
    for (Change c : causallyOrdered) {
      map.apply(c);
      map.checkRep();
    }
    return map;
  }

  private static KvMap merge(KvMap a, KvMap b) {
    KvMap out = a.copy();
    out.mergeFrom(b);
    out.checkRep();
    return out;
  }

  private static void assertSameState(KvMap actual, KvMap expected) {
    assertThat(actual.isLessOrEqual(expected)).as("actual <= expected").isTrue();
    assertThat(expected.isLessOrEqual(actual)).as("expected <= actual").isTrue();
    assertThat(actual.materialise()).isEqualTo(expected.materialise());
  }
}
