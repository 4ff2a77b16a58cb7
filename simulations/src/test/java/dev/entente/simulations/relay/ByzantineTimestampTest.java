package dev.entente.simulations.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * The Byzantine member back- and future-dates some of its changes (under {@code equivocate}); every
 * honest replica refuses them as {@code BadTimestamp}, whatever order they arrive in, and the run
 * passes every relay checker.
 */
class ByzantineTimestampTest {
  @Test
  void equivocateRun_skewedTimestamps_areRefusedByEveryHonestReplica() {
    RelayRunner.Result r =
        RelayRunner.run(
            RelayOptions.of(2, EnumSet.of(Attack.EQUIVOCATE, Attack.REORDER), RelayMutant.NONE),
            line -> {});

    assertThat(r.outcome().truth().skewedTimestamps()).isNotEmpty();
    for (ClientReport c : r.outcome().honest()) {
      assertThat(c.rejections().get("BadTimestamp")).as("client %d", c.index()).isPositive();
      assertThat(c.accepted())
          .noneMatch(e -> r.outcome().truth().skewedTimestamps().contains(e.hash()));
    }
    assertThat(r.passed()).as(r.lastLine()).isTrue();
  }
}
