package dev.entente.properties.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.rbsr.RbsrConfig;
import dev.entente.impl.sync.rbsr.RbsrSession;
import dev.entente.impl.sync.rbsr.SyncId;
import dev.entente.impl.sync.rbsr.SyncItems;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The law of RBSR: run to quiescence, each side has found exactly the items the other lacks, so
 * that after sending them both hold the union; for any two sets (empty, equal, disjoint, nested or
 * overlapping), any branching and threshold, and any loss, duplication and reordering.
 */
class RbsrProperties {

  @Property(tries = 300)
  void quiescence_anyTwoSetsAnyLossAndDuplication_eachSideFindsWhatThePeerLacks(
      @ForAll long seed,
      @ForAll @IntRange(max = 400) int shared,
      @ForAll @IntRange(max = 60) int onlyA,
      @ForAll @IntRange(max = 60) int onlyB,
      @ForAll @IntRange(max = 100_000) int tsSpan,
      @ForAll @IntRange(min = 2, max = 16) int branching,
      @ForAll @DoubleRange(max = 0.5) double loss,
      @ForAll @DoubleRange(max = 0.5) double duplication)
      throws DecodeException {
    SyncSets sets = SyncSets.of(seed, shared, onlyA, onlyB, tsSpan);
    RbsrConfig config = new RbsrConfig(branching, branching * 2, RbsrConfig.MIN_FRAME_LIMIT);
    SyncItems a = SyncItems.of(sets.a());
    SyncItems b = SyncItems.of(sets.b());
    RbsrSession initiator = RbsrSession.initiator(a, salt(seed), config);
    RbsrSession responder = RbsrSession.responder(b, config);

    new LossyLink(initiator, responder, seed, loss, duplication, config.frameLimit())
        .runToQuiescence();

    assertThat(initiator.toSend()).isEqualTo(minus(sets.a(), sets.b()));
    assertThat(responder.toSend()).isEqualTo(minus(sets.b(), sets.a()));
    Statistics.label("kind").collect(kind(shared, onlyA, onlyB));
  }

  @Property(tries = 50)
  void quiescence_manyDifferences_splitsRepliesIntoFramesWithinTheLimit(
      @ForAll long seed, @ForAll @IntRange(min = 200, max = 600) int onlyEach)
      throws DecodeException {
    SyncSets sets = SyncSets.of(seed, 2000, onlyEach, onlyEach, 1_000_000);
    RbsrConfig config = new RbsrConfig(16, 32, RbsrConfig.MIN_FRAME_LIMIT);
    RbsrSession initiator = RbsrSession.initiator(SyncItems.of(sets.a()), salt(seed), config);
    RbsrSession responder = RbsrSession.responder(SyncItems.of(sets.b()), config);

    LossyLink link = new LossyLink(initiator, responder, seed, 0, 0, config.frameLimit());
    link.runToQuiescence();

    assertThat(link.largest()).isGreaterThan(config.frameLimit() / 2);
    assertThat(initiator.toSend()).isEqualTo(minus(sets.a(), sets.b()));
    assertThat(responder.toSend()).isEqualTo(minus(sets.b(), sets.a()));
  }

  static byte[] salt(long seed) {
    byte[] salt = new byte[16];
    new SplittableRandom(~seed).nextBytes(salt);
    return salt;
  }

  private static Set<SyncId> minus(List<SyncItems.Item> x, List<SyncItems.Item> y) {
    Set<SyncId> out = new HashSet<>();
    x.forEach(i -> out.add(i.id()));
    y.forEach(i -> out.remove(i.id()));
    return out;
  }

  private static String kind(int shared, int onlyA, int onlyB) {
    if (shared + onlyA + onlyB == 0) {
      return "both empty";
    }
    if (onlyA + onlyB == 0) {
      return "equal";
    }
    if (shared == 0) {
      return "disjoint";
    }
    return onlyA == 0 || onlyB == 0 ? "nested" : "overlapping";
  }
}
