package dev.entente.properties.clock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entente.impl.clock.ClockKind;
import dev.entente.impl.clock.LamportClock;
import dev.entente.model.HlcTimestamp;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** The Lamport clock's contract: monotonic, causal, and always in the Lamport encoding. */
class LamportClockProperties {
  /** What the scenario does next. */
  sealed interface Action permits Now, Observe {}

  /** A local event. */
  record Now() implements Action {}

  /** Receives a remote counter {@code current + offset} (at least 0). */
  record Observe(long offset) implements Action {}

  @Property(tries = 1000)
  void now_anyInterleaving_isStrictlyGreaterThanEverythingBefore(
      @ForAll("actions") List<Action> actions) {
    LamportClock clock = new LamportClock();
    HlcTimestamp latest = clock.current();
    for (Action action : actions) {
      if (action instanceof Now) {
        HlcTimestamp stamped = clock.now();
        assertThat(stamped).isGreaterThan(latest);
        assertThat(stamped.logical()).isZero();
        latest = stamped;
      } else {
        long counter = Math.max(0, clock.current().wallMillis() + ((Observe) action).offset());
        HlcTimestamp remote = new HlcTimestamp(counter, 0);
        clock.observe(remote);
        assertThat(clock.current()).isGreaterThanOrEqualTo(latest).isGreaterThanOrEqualTo(remote);
        latest = clock.current();
      }
      clock.checkRep();
    }
  }

  @Property(tries = 1000)
  void now_afterObservingAnotherReplica_isAfterEverythingInItsCausalPast(
      @ForAll("networkScenarios") ClockNetwork.Scenario scenario) {
    assertThat(ClockNetwork.firstCausalityViolation(ClockKind.LAMPORT, scenario)).isEmpty();
  }

  @Provide
  Arbitrary<List<Action>> actions() {
    Arbitrary<Long> offset =
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.longs().between(-3, 3)),
            Tuple.of(1, Arbitraries.longs().between(-1_000_000, 1_000_000)));
    return Arbitraries.<Action>frequencyOf(
            Tuple.of(2, Arbitraries.just(new Now())), Tuple.of(1, offset.map(Observe::new)))
        .list()
        .ofMaxSize(200);
  }

  @Provide
  Arbitrary<ClockNetwork.Scenario> networkScenarios() {
    return ClockNetwork.scenarios();
  }
}
