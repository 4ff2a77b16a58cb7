package dev.entente.properties.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.iblt.IbltSession;
import dev.entente.impl.sync.rbsr.SyncId;
import dev.entente.impl.sync.rbsr.SyncItems;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The law of rateless IBLT: the initiator streams until told to stop, over a network that loses
 * (and resends), duplicates and reorders frames both ways; then each side has found exactly the
 * items the other lacks, for any two sets.
 */
class IbltProperties {
  private static final int WINDOW = 4;

  private record InFlight(boolean toResponder, byte[] frame) {}

  @Property(tries = 200)
  void quiescence_anyTwoSetsAnyLossAndDuplication_eachSideFindsWhatThePeerLacks(
      @ForAll long seed,
      @ForAll @IntRange(max = 400) int shared,
      @ForAll @IntRange(max = 60) int onlyA,
      @ForAll @IntRange(max = 60) int onlyB,
      @ForAll @IntRange(min = 1, max = 8) int perFrame,
      @ForAll @DoubleRange(max = 0.5) double loss,
      @ForAll @DoubleRange(max = 0.5) double duplication)
      throws DecodeException {
    SyncSets sets = SyncSets.of(seed, shared, onlyA, onlyB, 1000);
    IbltSession a = IbltSession.initiator(ids(sets.a()), RbsrProperties.salt(seed));
    IbltSession b = IbltSession.responder(ids(sets.b()));
    SplittableRandom random = new SplittableRandom(seed);
    List<InFlight> inFlight = new ArrayList<>();
    while (!a.isDone() || !inFlight.isEmpty()) {
      // The stream goes on while answers travel, within a send window of WINDOW frames.
      long streaming = inFlight.stream().filter(InFlight::toResponder).count();
      if (!a.isDone() && streaming < WINDOW && (inFlight.isEmpty() || random.nextBoolean())) {
        inFlight.add(new InFlight(true, a.nextFrame(perFrame)));
        continue;
      }
      InFlight m = inFlight.remove(random.nextInt(inFlight.size()));
      if (random.nextDouble() < loss) {
        inFlight.add(m);
        continue;
      }
      if (random.nextDouble() < duplication) {
        inFlight.add(m);
      }
      IbltSession to = m.toResponder() ? b : a;
      to.receive(m.frame()).ifPresent(r -> inFlight.add(new InFlight(false, r)));
    }

    assertThat(a.toSend()).isEqualTo(MerkleProperties.minus(sets.a(), sets.b()));
    assertThat(b.toSend()).isEqualTo(MerkleProperties.minus(sets.b(), sets.a()));
  }

  private static List<SyncId> ids(List<SyncItems.Item> items) {
    List<SyncId> out = new ArrayList<>();
    items.forEach(i -> out.add(i.id()));
    return out;
  }
}
