package dev.entente.simulations.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.model.check.CheckResult;
import dev.entente.model.check.Verdict;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * Member removal in the relay world: the owner removes the last honest member half-way through the
 * attack rounds; what honest writers seal afterwards is unreadable to it, and what it signs after
 * knowing of its removal is refused by every honest replica as {@code NotAMember}.
 */
class MemberRemovalTest {
  @Test
  void sealedRun_memberRemoved_readsNothingSealedAfterAndItsLaterWritesAreRefused() {
    RelayRunner.Result r =
        RelayRunner.run(
            RelayOptions.of(1, EnumSet.noneOf(Attack.class), RelayMutant.NONE).withRemoval(true),
            line -> {});

    RelayTruth t = r.outcome().truth();
    assertThat(t.sealedAfterRemoval()).isNotEmpty();
    assertThat(t.removedWrites()).isNotEmpty();
    assertThat(t.removedMemberEpochs())
        .doesNotContainAnyElementsOf(t.sealedAfterRemoval().values());
    for (ClientReport c : r.outcome().honest()) {
      assertThat(c.rejections().get("NotAMember")).as("client %d", c.index()).isPositive();
    }
    assertThat(verdict(r)).isEqualTo(Verdict.VALID);
    assertThat(r.passed()).as(r.lastLine()).isTrue();
  }

  private static Verdict verdict(RelayRunner.Result r) {
    return r.check().parts().stream()
        .filter(p -> p.checker().equals(RemovalChecker.NAME))
        .map(CheckResult::verdict)
        .findFirst()
        .orElseThrow();
  }
}
