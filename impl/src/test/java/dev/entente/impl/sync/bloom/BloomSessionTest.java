package dev.entente.impl.sync.bloom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.sync.BloomReconciler;
import dev.entente.impl.sync.ChangeScenario;
import org.junit.jupiter.api.Test;

/** Bloom sync run to completion: the union, and what mined ids do to round trips. */
class BloomSessionTest {
  @Test
  void run_oneSidedDifference_bothHoldTheUnionInOneRoundTrip() {
    BloomReconciler.Outcome o =
        BloomReconciler.run(ChangeScenario.build(3000, 40, false, 0, 1), false, 1);
    assertThat(o.result().items()).isEqualTo(3000);
    assertThat(o.result().missing()).isEqualTo(40);
    assertThat(o.result().roundTrips()).isBetween(1, 2);
  }

  @Test
  void run_bothSides_bothHoldTheUnion() {
    BloomReconciler.Outcome o =
        BloomReconciler.run(ChangeScenario.build(2000, 31, true, 0, 2), true, 2);
    assertThat(o.result().missing()).isEqualTo(31);
  }

  @Test
  void run_poisonedUnkeyed_minedIdsHiddenOneRoundTripEach() {
    BloomReconciler.Outcome o =
        BloomReconciler.run(ChangeScenario.build(2000, 5, false, 30, 3), false, 3);
    assertThat(o.poisonedFalsePositiveRate()).isGreaterThan(0.9);
    assertThat(o.result().roundTrips()).isGreaterThan(10);
    assertThat(o.result().missing()).isEqualTo(35);
  }

  @Test
  void run_poisonedKeyed_minedIdsNoBetterThanChance() {
    BloomReconciler.Outcome o =
        BloomReconciler.run(ChangeScenario.build(2000, 5, false, 30, 3), true, 3);
    assertThat(o.poisonedFalsePositiveRate()).isLessThan(0.1);
    assertThat(o.result().roundTrips()).isLessThanOrEqualTo(3);
  }
}
