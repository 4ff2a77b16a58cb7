package dev.entente.impl.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.sync.rbsr.RbsrConfig;
import org.junit.jupiter.api.Test;

/** The costs the reconcile command reports, at sizes a unit test affords. */
class ReconcilerTest {
  private static ReconcileResult rbsr(int n, int d, boolean bothSides) {
    return RbsrReconciler.run(ReconcileScenario.build(n, d, bothSides, 7), RbsrConfig.DEFAULT, 7);
  }

  @Test
  void rbsr_equalStores_settleInOneRoundTrip() {
    ReconcileResult r = rbsr(10_000, 0, false);
    assertThat(r.roundTrips()).isEqualTo(1);
    assertThat(r.missing()).isZero();
  }

  @Test
  void rbsr_moreDifferences_sameRoundTripsMoreBytes() {
    ReconcileResult one = rbsr(10_000, 1, false);
    ReconcileResult hundred = rbsr(10_000, 100, true);
    assertThat(one.items()).isEqualTo(10_000);
    assertThat(hundred.missing()).isEqualTo(100);
    assertThat(hundred.roundTrips()).isEqualTo(one.roundTrips());
    assertThat(hundred.bytes()).isGreaterThan(one.bytes() * 10);
  }

  @Test
  void rbsr_emptyAgainstFull_findsEverything() {
    ReconcileResult r = rbsr(0, 500, true);
    assertThat(r.missing()).isEqualTo(500);
    assertThat(r.items()).isZero();
  }

  @Test
  void rbsr_sameSeed_sameCost() {
    assertThat(rbsr(5_000, 20, true)).isEqualTo(rbsr(5_000, 20, true));
  }

  @Test
  void delta_oneSided_isOneRoundTripOfTwoVectors() {
    ReconcileResult r = VersionVectorReconciler.run(10_000, 40, false);
    assertThat(r.roundTrips()).isEqualTo(1);
    assertThat(r.missing()).isEqualTo(40);
    assertThat(r.bytes()).isEqualTo(2L * (1 + 32 * (1 + 3 + 2)));
  }

  @Test
  void delta_bothSides_addsTheInitiatorsSending() {
    ReconcileResult r = VersionVectorReconciler.run(10_000, 40, true);
    assertThat(r.roundTrips()).isEqualTo(2);
    assertThat(r.missing()).isEqualTo(40);
  }

  @Test
  void json_keysInTheContractOrder() {
    assertThat(new ReconcileResult("rbsr", 3, 1, 2, 40, 4).toJson())
        .isEqualTo(
            "{\"protocol\":\"rbsr\",\"items\":3,\"missing\":1,\"roundTrips\":2,\"bytes\":40,"
                + "\"frames\":4}");
  }
}
