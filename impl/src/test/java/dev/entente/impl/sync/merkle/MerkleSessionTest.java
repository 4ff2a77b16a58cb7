package dev.entente.impl.sync.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.sync.MerkleReconciler;
import dev.entente.impl.sync.ReconcileResult;
import dev.entente.impl.sync.ReconcileScenario;
import org.junit.jupiter.api.Test;

/** Merkle sync run to completion over the reconcile command's stores. */
class MerkleSessionTest {
  private static ReconcileResult run(int n, int d, boolean bothSides) {
    return MerkleReconciler.run(
        ReconcileScenario.build(n, d, bothSides, 5), MerkleConfig.DEFAULT, 5);
  }

  @Test
  void run_equalStores_settleInOneRoundTrip() {
    ReconcileResult r = run(20_000, 0, false);
    assertThat(r.roundTrips()).isEqualTo(1);
    assertThat(r.frames()).isEqualTo(1);
  }

  @Test
  void run_oneDifference_findsIt() {
    ReconcileResult r = run(20_000, 1, false);
    assertThat(r.missing()).isEqualTo(1);
    assertThat(r.items()).isEqualTo(20_000);
  }

  @Test
  void run_bothSidesManyDifferences_findsThemAll() {
    ReconcileResult r = run(5_000, 300, true);
    assertThat(r.missing()).isEqualTo(300);
  }

  @Test
  void run_emptyAgainstFull_findsEverything() {
    assertThat(run(0, 700, true).missing()).isEqualTo(700);
  }
}
