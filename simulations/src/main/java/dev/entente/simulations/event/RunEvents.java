package dev.entente.simulations.event;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The typed events of one run, in the order they happened, kept only when asked (building them
 * reads replica state, which a plain run does not pay for). Mutable, not thread-safe.
 */
public final class RunEvents {
  private final boolean keep;
  private final List<RunEvent> events = new ArrayList<>();

  /** A recorder that keeps events if {@code keep}, and otherwise never evaluates them. */
  public RunEvents(boolean keep) {
    this.keep = keep;
  }

  /** Records the event {@code event} supplies, if this recorder keeps events. */
  public void record(Supplier<RunEvent> event) {
    if (keep) {
      events.add(event.get());
    }
  }

  /** The events so far (empty unless kept). */
  public List<RunEvent> events() {
    return List.copyOf(events);
  }
}
