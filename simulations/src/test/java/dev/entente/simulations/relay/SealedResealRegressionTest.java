package dev.entente.simulations.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Regression for the sealed drop/tamper bug (docs/relay-adversary.md, "Found by the simulator"): a
 * writer that learnt some members late sealed its first envelopes under an epoch it made for the
 * members it knew then; when it learnt the rest, the owner's epoch for all members was still
 * usable, so it never rotated and never sealed those envelopes again, and the late members held a
 * rotation they were not readers of and frames they could never open. Seed 1 under drop and under
 * tamper were the first failing seeds (client 3 lacked every later change and raised 31 and 46
 * false alarms).
 */
class SealedResealRegressionTest {
  @ParameterizedTest
  @CsvSource({"1, DROP", "1, TAMPER"})
  void sealedRun_writerLearntMembersLate_everyHonestClientReadsEveryHonestChange(
      long seed, Attack attack) {
    RelayRunner.Result r =
        RelayRunner.run(RelayOptions.of(seed, EnumSet.of(attack), RelayMutant.NONE), line -> {});

    assertThat(r.outcome().options().sealed()).isTrue();
    for (ClientReport c : r.outcome().honest()) {
      assertThat(RelayCheckers.lostChanges(r.outcome(), c)).as("client %d", c.index()).isZero();
    }
    assertThat(r.passed()).as(r.lastLine()).isTrue();
  }
}
