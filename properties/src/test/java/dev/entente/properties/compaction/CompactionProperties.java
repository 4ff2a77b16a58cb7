package dev.entente.properties.compaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.impl.Replica;
import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.codec.SnapshotCodec;
import dev.entente.model.KeyGroups;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Oracle;
import dev.entente.model.RegisterPolicy;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Compaction against the oracle over the full history: replicas that collect garbage at the
 * stability frontier, drop their logs, restart from encoded snapshots and bootstrap from a peer's
 * snapshot when behind its horizon end, once everyone has synced, with the map the oracle gives for
 * every change ever made (no resurrection, no lost write) and all equal (no divergence).
 */
class CompactionProperties {
  private static final List<String> KEYS = List.of("doc/a", "doc/b", "doc/c", "x", "y");
  private static final List<String> VALUES = List.of("1", "2", "3", "");

  @Property(tries = 300)
  void compactedCluster_afterSettling_equalsTheOracleOverTheFullHistory(
      @ForAll RegisterPolicy policy,
      @ForAll @IntRange(min = 2, max = 4) int size,
      @ForAll("steps") List<CompactionStep> steps)
      throws DecodeException {
    CompactionWorld world = new CompactionWorld(policy, size);
    for (CompactionStep step : steps) {
      world.run(step);
    }
    world.settle();

    MaterialisedMap expected =
        Oracle.materialise(policy, world.history(), KeyGroups.byParentPath());
    for (Replica r : world.replicas()) {
      r.checkRep();
      assertThat(r.materialise()).as("%s after %s", r.id(), steps).isEqualTo(expected);
      assertThat(r.pending()).isEmpty();
    }
  }

  @Property(tries = 200)
  void snapshot_anyReachableState_roundTripsCanonically(
      @ForAll RegisterPolicy policy, @ForAll("steps") List<CompactionStep> steps)
      throws DecodeException {
    CompactionWorld world = new CompactionWorld(policy, 3);
    for (CompactionStep step : steps) {
      world.run(step);
    }
    for (Replica r : world.replicas()) {
      byte[] bytes = SnapshotCodec.encode(r.snapshot());
      assertThat(SnapshotCodec.decode(bytes)).isEqualTo(r.snapshot());
      assertThat(SnapshotCodec.encode(SnapshotCodec.decode(bytes))).isEqualTo(bytes);
      Replica restored =
          Replica.restore(
              r.id(), SnapshotCodec.decode(bytes), KeyGroups.byParentPath(), clockAfter());
      assertThat(restored.materialise()).isEqualTo(r.materialise());
      assertThat(restored.snapshot().entries()).isEqualTo(r.snapshot().entries());
    }
  }

  @Property(tries = 200)
  void snapshot_anyTruncationOrSingleBitFlip_isRefused(
      @ForAll RegisterPolicy policy,
      @ForAll("steps") List<CompactionStep> steps,
      @ForAll int where,
      @ForAll boolean truncate)
      throws DecodeException {
    CompactionWorld world = new CompactionWorld(policy, 2);
    for (CompactionStep step : steps) {
      world.run(step);
    }
    byte[] bytes = SnapshotCodec.encode(world.replicas().get(0).snapshot());
    byte[] damaged;
    if (truncate) {
      damaged = Arrays.copyOf(bytes, Math.floorMod(where, bytes.length));
    } else {
      int bit = Math.floorMod(where, bytes.length * 8);
      damaged = bytes.clone();
      damaged[bit / 8] ^= (byte) (1 << (bit % 8));
    }

    assertThatThrownBy(() -> SnapshotCodec.decode(damaged))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("at byte");
  }

  @Provide
  Arbitrary<List<CompactionStep>> steps() {
    Arbitrary<CompactionStep.Kind> kind =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(8, Arbitraries.just(CompactionStep.Kind.WRITE)),
            net.jqwik.api.Tuple.of(5, Arbitraries.just(CompactionStep.Kind.SYNC)),
            net.jqwik.api.Tuple.of(3, Arbitraries.just(CompactionStep.Kind.REPORT)),
            net.jqwik.api.Tuple.of(2, Arbitraries.just(CompactionStep.Kind.GC)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(CompactionStep.Kind.COMPACT_LOG)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(CompactionStep.Kind.RESTART)));
    Arbitrary<Integer> replica = Arbitraries.integers().between(0, 3);
    Arbitrary<CompactionStep> step =
        Combinators.combine(
                kind,
                replica,
                replica,
                Arbitraries.of(KEYS),
                Arbitraries.of(VALUES),
                Arbitraries.integers().between(0, 9).map(n -> n < 6))
            .as(CompactionStep::new);
    return step.list().ofMinSize(1).ofMaxSize(40);
  }

  private static dev.entente.impl.clock.LamportClock clockAfter() {
    return new dev.entente.impl.clock.LamportClock();
  }
}
