package dev.entente.impl.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The reconcile table at CI sizes: for the ids-only protocols round trips do not grow with D (the
 * differences are batched) and bytes grow with D, about linearly (IBLT: exactly); the Bloom
 * filter's bytes follow N; mined ids hurt the unkeyed filter only.
 */
class ReconcileTableTest {
  private static final int N = 5_000;

  private static ReconcileResult run(ReconcileProtocol p, int d) {
    return new ReconcileRequest(p, N, d, true, 0, false, 3).run();
  }

  @Test
  void idsOnlyProtocols_moreDifferences_sameRoundTripsBytesAtMostLinear() {
    for (ReconcileProtocol p :
        new ReconcileProtocol[] {
          ReconcileProtocol.RBSR, ReconcileProtocol.MERKLE, ReconcileProtocol.IBLT
        }) {
      ReconcileResult one = run(p, 1);
      ReconcileResult ten = run(p, 10);
      ReconcileResult hundred = run(p, 100);
      assertThat(hundred.missing()).as(p.cliName()).isEqualTo(100);
      assertThat(hundred.roundTrips()).as(p.cliName()).isLessThanOrEqualTo(ten.roundTrips());
      assertThat(ten.roundTrips()).as(p.cliName()).isLessThanOrEqualTo(one.roundTrips() + 1);
      assertThat(hundred.bytes()).as(p.cliName()).isGreaterThan(ten.bytes() * 2);
      assertThat(hundred.bytes()).as(p.cliName()).isLessThan(ten.bytes() * 15);
    }
  }

  @Test
  void iblt_fewDifferences_fewerBytesThanRbsr() {
    assertThat(run(ReconcileProtocol.IBLT, 100).bytes())
        .isLessThan(run(ReconcileProtocol.RBSR, 100).bytes() / 2);
  }

  @Test
  void bloom_firstSync_bytesFollowTheHistoryNotTheDifference() {
    ReconcileResult r = run(ReconcileProtocol.BLOOM, 1);
    long filters = 2L * (N * 10 / 8);
    assertThat(r.bytes()).isBetween(filters, filters + 400);
  }

  @Test
  void bloom_poisoned_unkeyedHidesMinedIdsKeyedDoesNot() {
    ChangeScenario s = ChangeScenario.build(N, 10, false, 100, 4);
    BloomReconciler.Outcome unkeyed = BloomReconciler.run(s, false, 4);
    BloomReconciler.Outcome keyed = BloomReconciler.run(s, true, 4);
    assertThat(unkeyed.poisonedFalsePositiveRate()).isGreaterThan(0.95);
    assertThat(keyed.poisonedFalsePositiveRate()).isLessThan(0.05);
    assertThat(unkeyed.result().roundTrips()).isGreaterThan(10 * keyed.result().roundTrips());
  }
}
