package dev.entente.properties.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entente.impl.clock.ClockDriftException;
import dev.entente.impl.clock.ClockKind;
import dev.entente.impl.clock.HybridLogicalClock;
import dev.entente.model.HlcTimestamp;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The hybrid logical clock's contract under arbitrary interleavings of local events, remote
 * timestamps and physical clocks that jump forwards and backwards.
 *
 * <p>The bounded-lead property checks the bound we can prove (see {@link #lead_everyNow_isBounded}
 * for the derivation) rather than a loose one, so a clock that drifts ahead even by 1 ms more than
 * it must fails it.
 */
class HybridLogicalClockProperties {
  private static final int MAX = HlcTimestamp.MAX_LOGICAL;

  /** What the scenario does next. */
  sealed interface Action permits Now, Observe, Step {}

  /** A local event. */
  record Now() implements Action {}

  /** Receives a remote timestamp whose wall is {@code base + offsetMillis} (at least 0). */
  record Observe(Base base, long offsetMillis, int logical) implements Action {}

  /** Moves the physical clock by {@code deltaMillis}, possibly backwards. */
  record Step(long deltaMillis) implements Action {}

  /** What a remote timestamp's wall is relative to, chosen to hit every branch of the update. */
  enum Base {
    PHYSICAL,
    CLOCK,
    DRIFT_LIMIT
  }

  record Scenario(long startMillis, long maxDriftMillis, List<Action> actions) {}

  @Property(tries = 1000)
  void now_anyInterleaving_isStrictlyGreaterThanEverythingBefore(
      @ForAll("scenarios") Scenario scenario) {
    ManualPhysicalClock physical = new ManualPhysicalClock(scenario.startMillis());
    HybridLogicalClock clock = new HybridLogicalClock(physical, scenario.maxDriftMillis());
    HlcTimestamp latest = clock.current();
    for (Action action : scenario.actions()) {
      if (action instanceof Now) {
        HlcTimestamp stamped = clock.now();
        assertThat(stamped).isGreaterThan(latest);
        latest = stamped;
      } else if (action instanceof Observe observe) {
        HlcTimestamp remote = remoteWithinDrift(observe, clock, physical);
        clock.observe(remote);
        assertThat(clock.current()).isGreaterThan(latest).isGreaterThan(remote);
        latest = clock.current();
      } else {
        physical.step(((Step) action).deltaMillis());
      }
      clock.checkRep();
    }
  }

  @Property(tries = 1000)
  void now_afterObservingAnotherReplica_isAfterEverythingInItsCausalPast(
      @ForAll("networkScenarios") ClockNetwork.Scenario scenario) {
    assertThat(ClockNetwork.firstCausalityViolation(ClockKind.HLC, scenario)).isEmpty();
  }

  /** Tests the tester: the harness must catch the wall clock losing a causally later event. */
  @Example
  void causalityHarness_wallClockBehindSender_reportsViolation() {
    ClockNetwork.Scenario scenario =
        new ClockNetwork.Scenario(
            List.of(1_000L, 500L, 500L),
            1_000,
            List.of(
                new ClockNetwork.Send(0, 1),
                new ClockNetwork.Deliver(0),
                new ClockNetwork.Tick(1)));
    assertThat(ClockNetwork.firstCausalityViolation(ClockKind.WALL, scenario)).isPresent();
    assertThat(ClockNetwork.firstCausalityViolation(ClockKind.HLC, scenario)).isEmpty();
  }

  /**
   * At every {@code now()} with physical time {@code pt}, {@code 0 <= wall - pt <= max(0, L) + (P -
   * pt) + k}, where {@code L} is the largest lead {@code remote.wall - pt'} of an observed remote
   * at the time it was observed, {@code P} the largest physical time read so far and {@code k} the
   * number of events that could overflow the counter (the counter or the remote's was at {@link
   * HlcTimestamp#MAX_LOGICAL}).
   *
   * <p>Proof sketch: each event sets {@code wall} to the max of its inputs (old wall, physical
   * time, remote wall), plus 1 on overflow, so by induction {@code wall <= max(P, R) + k} with
   * {@code R} the largest remote wall. {@code P - pt} is how far physical time now lags its
   * high-water mark, and {@code R - pt = (r - pt') + (pt' - pt) <= L + (P - pt)}. Note it is the
   * lag behind the high-water mark, not the largest single backward step, that bounds the lead: two
   * steps back of 5 ms leave the clock 10 ms ahead.
   */
  @Property(tries = 1000)
  void lead_everyNow_isBounded(@ForAll("scenarios") Scenario scenario) {
    ManualPhysicalClock physical = new ManualPhysicalClock(scenario.startMillis());
    HybridLogicalClock clock = new HybridLogicalClock(physical, scenario.maxDriftMillis());
    long highWaterMillis = 0;
    long remoteLeadMillis = 0; // max(0, L)
    long overflowAllowance = 0;
    boolean overflowed = false;
    for (Action action : scenario.actions()) {
      long pt = physical.millis();
      HlcTimestamp before = clock.current();
      if (action instanceof Step step) {
        physical.step(step.deltaMillis());
        continue;
      }
      highWaterMillis = Math.max(highWaterMillis, pt);
      long inputsWall = Math.max(before.wallMillis(), pt);
      boolean mayOverflow = before.logical() == MAX;
      if (action instanceof Observe observe) {
        HlcTimestamp remote = remoteWithinDrift(observe, clock, physical);
        clock.observe(remote);
        remoteLeadMillis = Math.max(remoteLeadMillis, remote.wallMillis() - pt);
        inputsWall = Math.max(inputsWall, remote.wallMillis());
        mayOverflow |= remote.logical() == MAX;
      } else {
        long lead = clock.now().wallMillis() - pt;
        long bound =
            remoteLeadMillis + (highWaterMillis - pt) + overflowAllowance + (mayOverflow ? 1 : 0);
        assertThat(lead).as("wall - physical").isNotNegative().isLessThanOrEqualTo(bound);
      }
      overflowAllowance += mayOverflow ? 1 : 0;
      overflowed |= clock.current().wallMillis() > inputsWall;
    }
    Statistics.label("counter overflowed").collect(overflowed);
    Statistics.label("counter overflowed").coverage(c -> c.check(true).percentage(p -> p > 1));
  }

  @Property(tries = 1000)
  void observe_anyRemote_rejectedIffBeyondMaxDriftAndThenLeavesClockUnchanged(
      @ForAll("scenarios") Scenario scenario) {
    ManualPhysicalClock physical = new ManualPhysicalClock(scenario.startMillis());
    HybridLogicalClock clock = new HybridLogicalClock(physical, scenario.maxDriftMillis());
    for (Action action : scenario.actions()) {
      if (action instanceof Now) {
        clock.now();
      } else if (action instanceof Step step) {
        physical.step(step.deltaMillis());
      } else {
        HlcTimestamp remote = remote((Observe) action, clock, physical);
        boolean beyond = remote.wallMillis() - physical.millis() > scenario.maxDriftMillis();
        Statistics.label("remote").collect(beyond ? "beyond max drift" : "within max drift");
        HlcTimestamp before = clock.current();
        if (beyond) {
          assertThatThrownBy(() -> clock.observe(remote)).isInstanceOf(ClockDriftException.class);
          assertThat(clock.current()).isEqualTo(before);
        } else {
          clock.observe(remote);
          assertThat(clock.current()).isGreaterThan(before).isGreaterThan(remote);
        }
      }
      clock.checkRep();
    }
    Statistics.label("remote")
        .coverage(
            c -> {
              c.check("beyond max drift").percentage(p -> p > 5);
              c.check("within max drift").percentage(p -> p > 5);
            });
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<Long> start =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.longs().between(0, 100)),
            Tuple.of(3, Arbitraries.longs().between(0, 2_000_000_000_000L)));
    Arbitrary<Long> maxDrift = Arbitraries.longs().between(1, 10_000);
    return Combinators.combine(start, maxDrift, actions().list().ofMaxSize(200)).as(Scenario::new);
  }

  @Provide
  Arbitrary<ClockNetwork.Scenario> networkScenarios() {
    return ClockNetwork.scenarios();
  }

  private static Arbitrary<Action> actions() {
    Arbitrary<Long> offset =
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.just(0L)),
            Tuple.of(3, Arbitraries.longs().between(-3, 3)),
            Tuple.of(2, Arbitraries.longs().between(-30_000, 30_000)));
    Arbitrary<Integer> logical =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.integers().between(0, MAX)),
            Tuple.of(1, Arbitraries.of(0, MAX - 1, MAX)));
    Arbitrary<Long> delta =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.just(0L)),
            Tuple.of(2, Arbitraries.longs().between(-3, 3)),
            Tuple.of(2, Arbitraries.longs().between(-50_000, 50_000)));
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(new Now())),
        Tuple.of(
            2, Combinators.combine(Arbitraries.of(Base.class), offset, logical).as(Observe::new)),
        Tuple.of(2, delta.map(Step::new)));
  }

  /** The remote timestamp {@code observe} describes, anywhere relative to the drift limit. */
  private static HlcTimestamp remote(
      Observe observe, HybridLogicalClock clock, ManualPhysicalClock physical) {
    long base =
        switch (observe.base()) {
          case PHYSICAL -> physical.millis();
          case CLOCK -> clock.current().wallMillis();
          case DRIFT_LIMIT -> physical.millis() + clock.maxDriftMillis();
        };
    return new HlcTimestamp(Math.max(0, base + observe.offsetMillis()), observe.logical());
  }

  /** Like {@link #remote} but pulled back to the drift limit, so the clock must accept it. */
  private static HlcTimestamp remoteWithinDrift(
      Observe observe, HybridLogicalClock clock, ManualPhysicalClock physical) {
    HlcTimestamp remote = remote(observe, clock, physical);
    long limit = physical.millis() + clock.maxDriftMillis();
    return remote.wallMillis() <= limit ? remote : new HlcTimestamp(limit, remote.logical());
  }
}
