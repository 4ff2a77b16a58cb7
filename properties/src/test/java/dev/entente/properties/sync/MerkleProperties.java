package dev.entente.properties.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.merkle.MerkleConfig;
import dev.entente.impl.sync.merkle.MerkleSession;
import dev.entente.impl.sync.rbsr.SyncId;
import dev.entente.impl.sync.rbsr.SyncItems;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The law of Merkle sync: run to quiescence, each side has found exactly the items the other lacks,
 * for any two sets (ties in one millisecond included), any threshold, and any loss, duplication and
 * reordering; no frame exceeds the limit.
 */
class MerkleProperties {
  @Property(tries = 300)
  void quiescence_anyTwoSetsAnyLossAndDuplication_eachSideFindsWhatThePeerLacks(
      @ForAll long seed,
      @ForAll @IntRange(max = 400) int shared,
      @ForAll @IntRange(max = 60) int onlyA,
      @ForAll @IntRange(max = 60) int onlyB,
      @ForAll @IntRange(max = 100_000) int tsSpan,
      @ForAll @IntRange(min = 1, max = 40) int threshold,
      @ForAll @DoubleRange(max = 0.5) double loss,
      @ForAll @DoubleRange(max = 0.5) double duplication)
      throws DecodeException {
    SyncSets sets = SyncSets.of(seed, shared, onlyA, onlyB, tsSpan);
    MerkleConfig config = new MerkleConfig(threshold, MerkleConfig.MIN_FRAME_LIMIT);
    MerkleSession a =
        MerkleSession.initiator(SyncItems.of(sets.a()), RbsrProperties.salt(seed), config);
    MerkleSession b = MerkleSession.responder(SyncItems.of(sets.b()), config);

    FrameLink link = new FrameLink(a::receive, b::receive, seed, loss, duplication);
    link.runToQuiescence(a.start());

    assertThat(a.toSend()).isEqualTo(minus(sets.a(), sets.b()));
    assertThat(b.toSend()).isEqualTo(minus(sets.b(), sets.a()));
    assertThat(link.largest()).isLessThanOrEqualTo(config.frameLimit());
  }

  static Set<SyncId> minus(List<SyncItems.Item> x, List<SyncItems.Item> y) {
    Set<SyncId> out = new HashSet<>();
    x.forEach(i -> out.add(i.id()));
    y.forEach(i -> out.remove(i.id()));
    return out;
  }
}
