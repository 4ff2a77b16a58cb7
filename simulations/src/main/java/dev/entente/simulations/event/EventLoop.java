package dev.entente.simulations.event;

import dev.entente.model.Check;
import java.util.PriorityQueue;

/**
 * The single-threaded discrete-event loop: events run in {@code (tick, sequence)} order, where the
 * sequence number is the order in which they were scheduled, so two events at the same tick run in
 * the order they were created. Time is virtual: one tick is one millisecond of simulated time, and
 * it advances only when the next event is later than the current one. Mutable, not thread-safe.
 */
public final class EventLoop {
  /** One scheduled event. {@code label} is the canonical text recorded in the trace. */
  public record Event(long tick, long sequence, String label, Runnable action) {}

  /** Observes every event just before it runs (the trace log). */
  @FunctionalInterface
  public interface Listener {
    /** Called with the event about to run; the loop's time is already the event's tick. */
    void beforeEvent(Event event);
  }

  private final PriorityQueue<Event> queue =
      new PriorityQueue<>(
          (a, b) ->
              a.tick != b.tick
                  ? Long.compare(a.tick, b.tick)
                  : Long.compare(a.sequence, b.sequence));
  private final Listener listener;
  private long now;
  private long nextSequence;
  private long executed;

  /** A loop at tick 0 that reports every event to {@code listener}. */
  public EventLoop(Listener listener) {
    this.listener = listener;
  }

  /** A loop without a listener. */
  public EventLoop() {
    this(event -> {});
  }

  /** The current virtual time in ticks. */
  public long now() {
    return now;
  }

  /** Events run so far. */
  public long executed() {
    return executed;
  }

  /** Events waiting. */
  public int pending() {
    return queue.size();
  }

  /** Schedules {@code action} at {@code tick}, which must not be in the past. */
  public void at(long tick, String label, Runnable action) {
    if (tick < now) {
      // Not Check.argument: its varargs would box both ticks on every event scheduled.
      throw new IllegalArgumentException(
          "cannot schedule " + label + " at tick " + tick + " before now " + now);
    }
    queue.add(new Event(tick, nextSequence++, label, action));
  }

  /** Schedules {@code action} {@code delayTicks} from now. */
  public void after(long delayTicks, String label, Runnable action) {
    Check.argument(delayTicks >= 0, "delay must be >= 0, was %d", delayTicks);
    at(now + delayTicks, label, action);
  }

  /** The tick of the next event, or {@link Long#MAX_VALUE} if there is none. */
  public long nextTick() {
    Event e = queue.peek();
    return e == null ? Long.MAX_VALUE : e.tick;
  }

  /** Runs the next event if there is one at or before {@code limit}; returns whether it ran. */
  public boolean step(long limit) {
    Event e = queue.peek();
    if (e == null || e.tick > limit) {
      return false;
    }
    queue.poll();
    now = e.tick;
    executed++;
    listener.beforeEvent(e);
    e.action.run();
    return true;
  }

  /** Advances time to {@code tick} without running anything (no event may be earlier). */
  public void advanceTo(long tick) {
    Check.argument(tick >= now, "cannot move time back from %d to %d", now, tick);
    Check.state(nextTick() >= tick, "events before tick %d are still pending", tick);
    now = tick;
  }
}
