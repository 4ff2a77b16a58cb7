package dev.entente.impl.sync.iblt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.sync.IbltReconciler;
import dev.entente.impl.sync.ReconcileResult;
import dev.entente.impl.sync.ReconcileScenario;
import org.junit.jupiter.api.Test;

/** Rateless IBLT run to completion: cost proportional to D, not N. */
class IbltSessionTest {
  private static ReconcileResult run(int n, int d, boolean bothSides) {
    return IbltReconciler.run(ReconcileScenario.build(n, d, bothSides, 9), 9);
  }

  @Test
  void run_equalStores_oneSymbolOneRoundTrip() {
    ReconcileResult r = run(5_000, 0, false);
    assertThat(r.roundTrips()).isEqualTo(1);
    assertThat(r.frames()).isEqualTo(2);
  }

  @Test
  void run_oneSided_oneRoundTripWhateverD() {
    assertThat(run(5_000, 1, false).roundTrips()).isEqualTo(1);
    assertThat(run(5_000, 500, false).roundTrips()).isEqualTo(1);
  }

  @Test
  void run_manyDifferences_aboutOnePointFourSymbolsEach() {
    ReconcileResult r = run(2_000, 2_000, true);
    assertThat(r.missing()).isEqualTo(2_000);
    double symbols = r.bytes() / 41.0;
    assertThat(symbols / 2_000).isBetween(1.2, 1.7);
  }

  @Test
  void run_sameDifferenceLargerSets_sameBytes() {
    assertThat(run(20_000, 50, true).bytes()).isLessThan(run(200, 50, true).bytes() * 2);
  }

  @Test
  void advance_indexStream_hitsEachIndexWithProbabilityOneOverOnePlusHalfIndex() {
    int items = 20_000;
    int[] hits = new int[64];
    for (int k = 0; k < items; k++) {
      byte[] id = new byte[32];
      id[0] = (byte) k;
      id[1] = (byte) (k >> 8);
      MappedItem m = MappedItem.of(dev.entente.impl.sync.rbsr.SyncId.of(id), new byte[16]);
      while (m.peek() < 64) {
        hits[(int) m.peek()]++;
        m.advance();
      }
    }
    assertThat(hits[0]).isEqualTo(items);
    for (int i : new int[] {1, 2, 10, 40}) {
      assertThat(hits[i] / (double) items)
          .isCloseTo(1 / (1 + i / 2.0), org.assertj.core.data.Offset.offset(0.02));
    }
  }
}
