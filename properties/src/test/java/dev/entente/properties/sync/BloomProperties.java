package dev.entente.properties.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.ChangeScenario;
import dev.entente.impl.sync.bloom.BloomSession;
import dev.entente.impl.sync.bloom.Change;
import dev.entente.impl.sync.bloom.ChangeStore;
import dev.entente.impl.sync.rbsr.SyncId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The law of Bloom sync: run to quiescence, both stores hold the union and nothing waits in a
 * queue; for any two causally closed histories (empty, equal, disjoint, nested or branching), keyed
 * or unkeyed filters, mined ids, and any loss, duplication and reordering.
 */
class BloomProperties {
  @Property(tries = 300)
  void quiescence_anyTwoHistoriesAnyLossAndDuplication_bothHoldTheUnion(
      @ForAll long seed,
      @ForAll @IntRange(max = 200) int shared,
      @ForAll @IntRange(max = 40) int onlyA,
      @ForAll @IntRange(max = 40) int onlyB,
      @ForAll boolean keyed,
      @ForAll @DoubleRange(max = 0.5) double loss,
      @ForAll @DoubleRange(max = 0.5) double duplication)
      throws DecodeException {
    ChangeDags dags = ChangeDags.of(seed, shared, onlyA, onlyB);
    assertUnionAfterSync(dags.a(), dags.b(), seed, keyed, loss, duplication);
  }

  @Property(tries = 60)
  void quiescence_minedIdsAnyLoss_bothHoldTheUnion(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 300) int shared,
      @ForAll @IntRange(max = 10) int missing,
      @ForAll @IntRange(min = 1, max = 12) int poisoned,
      @ForAll boolean bothSides,
      @ForAll boolean keyed,
      @ForAll @DoubleRange(max = 0.5) double loss)
      throws DecodeException {
    ChangeScenario s = ChangeScenario.build(shared, missing, bothSides, poisoned, seed);
    assertUnionAfterSync(s.initiator(), s.responder(), seed, keyed, loss, loss / 2);
  }

  private static void assertUnionAfterSync(
      List<Change> a, List<Change> b, long seed, boolean keyed, double loss, double duplication)
      throws DecodeException {
    SplittableRandom random = new SplittableRandom(seed);
    BloomSession initiator = new BloomSession(ChangeStore.of(a), List.of(), salt(keyed, random));
    BloomSession responder = new BloomSession(ChangeStore.of(b), List.of(), salt(keyed, random));

    new MessageLink(initiator::receive, responder::receive, seed, loss, duplication)
        .runToQuiescence(initiator.start());

    Set<SyncId> union = new HashSet<>();
    a.forEach(c -> union.add(c.id()));
    b.forEach(c -> union.add(c.id()));
    assertThat(initiator.store().ids()).isEqualTo(union);
    assertThat(responder.store().ids()).isEqualTo(union);
    assertThat(initiator.store().missingDeps()).isEmpty();
    assertThat(responder.store().missingDeps()).isEmpty();
  }

  private static byte[] salt(boolean keyed, SplittableRandom random) {
    byte[] salt = new byte[keyed ? 16 : 0];
    random.nextBytes(salt);
    return salt;
  }
}
