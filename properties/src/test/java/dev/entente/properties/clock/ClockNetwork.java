package dev.entente.properties.clock;

import dev.entente.impl.clock.ClockDriftException;
import dev.entente.impl.clock.ClockKind;
import dev.entente.impl.clock.TimestampClock;
import dev.entente.model.HlcTimestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * A few replicas' clocks, each on its own skewed physical clock, exchanging timestamps over a
 * network that delivers in any order. It judges Lamport's clock condition: every local event is
 * stamped strictly after everything in its causal past, that is the replica's own earlier events
 * and every timestamp it accepted, which by induction covers every event that happened before.
 */
final class ClockNetwork {
  static final int REPLICAS = 3;

  private ClockNetwork() {}

  /** One step of a scenario. */
  sealed interface Action permits Tick, Send, Deliver, Step {}

  /** A local event at {@code replica}. */
  record Tick(int replica) implements Action {}

  /** A local event at {@code from} whose timestamp is sent to replica {@code (from + hop)}. */
  record Send(int from, int hop) implements Action {}

  /** Delivers the in-flight message at index {@code pick} modulo the number in flight. */
  record Deliver(int pick) implements Action {}

  /** Moves {@code replica}'s physical clock by {@code deltaMillis}, possibly backwards. */
  record Step(int replica, long deltaMillis) implements Action {}

  /** Start times of the physical clocks (their skew), the drift limit and what happens. */
  record Scenario(List<Long> startMillis, long maxDriftMillis, List<Action> actions) {}

  private record Message(int to, HlcTimestamp timestamp) {}

  static Arbitrary<Scenario> scenarios() {
    Arbitrary<List<Long>> starts =
        Combinators.combine(
                Arbitraries.longs().between(0, 2_000_000_000_000L),
                Arbitraries.longs().between(-5_000, 5_000).list().ofSize(REPLICAS))
            .as((base, skews) -> skews.stream().map(skew -> Math.max(0, base + skew)).toList());
    Arbitrary<Long> drift = Arbitraries.longs().between(1, 10_000);
    return Combinators.combine(starts, drift, actions().list().ofMaxSize(150)).as(Scenario::new);
  }

  /** Runs {@code scenario} with clocks of {@code kind}; returns the first violation, if any. */
  static Optional<String> firstCausalityViolation(ClockKind kind, Scenario scenario) {
    List<ManualPhysicalClock> physical = new ArrayList<>();
    List<TimestampClock> clocks = new ArrayList<>();
    for (long start : scenario.startMillis()) {
      ManualPhysicalClock clock = new ManualPhysicalClock(start);
      physical.add(clock);
      clocks.add(kind.create(clock, scenario.maxDriftMillis()));
    }
    // Null means an empty causal past: nothing to be stamped after yet.
    HlcTimestamp[] causalPast = new HlcTimestamp[REPLICAS];
    List<Message> inFlight = new ArrayList<>();
    for (Action action : scenario.actions()) {
      int replica;
      if (action instanceof Tick tick) {
        replica = tick.replica();
      } else if (action instanceof Send send) {
        replica = send.from();
      } else if (action instanceof Step step) {
        physical.get(step.replica()).step(step.deltaMillis());
        continue;
      } else {
        deliver(((Deliver) action).pick(), inFlight, clocks, causalPast);
        continue;
      }
      HlcTimestamp stamped = clocks.get(replica).now();
      HlcTimestamp past = causalPast[replica];
      if (past != null && stamped.compareTo(past) <= 0) {
        return Optional.of(
            String.format(
                "replica %d stamped %s, not after its causal past %s (%s)",
                replica, stamped, past, action));
      }
      causalPast[replica] = stamped;
      if (action instanceof Send send) {
        inFlight.add(new Message((send.from() + send.hop()) % REPLICAS, stamped));
      }
    }
    return Optional.empty();
  }

  private static void deliver(
      int pick, List<Message> inFlight, List<TimestampClock> clocks, HlcTimestamp[] causalPast) {
    if (inFlight.isEmpty()) {
      return;
    }
    Message message = inFlight.remove(pick % inFlight.size());
    try {
      clocks.get(message.to()).observe(message.timestamp());
    } catch (ClockDriftException refused) {
      // A refused timestamp never enters the receiver's causal past: the write it stamps is
      // rejected too, so nothing later at the receiver depends on it.
      return;
    }
    HlcTimestamp past = causalPast[message.to()];
    if (past == null || past.compareTo(message.timestamp()) < 0) {
      causalPast[message.to()] = message.timestamp();
    }
  }

  private static Arbitrary<Action> actions() {
    Arbitrary<Integer> replica = Arbitraries.integers().between(0, REPLICAS - 1);
    Arbitrary<Long> delta =
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.just(0L)),
            Tuple.of(2, Arbitraries.longs().between(-3, 3)),
            Tuple.of(2, Arbitraries.longs().between(-20_000, 20_000)));
    return Arbitraries.frequencyOf(
        Tuple.of(3, replica.map(Tick::new)),
        Tuple.of(
            3,
            Combinators.combine(replica, Arbitraries.integers().between(1, REPLICAS - 1))
                .as(Send::new)),
        Tuple.of(3, Arbitraries.integers().between(0, 1_000).map(Deliver::new)),
        Tuple.of(2, Combinators.combine(replica, delta).as(Step::new)));
  }
}
