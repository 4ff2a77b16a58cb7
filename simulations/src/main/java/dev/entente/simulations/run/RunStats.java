package dev.entente.simulations.run;

import dev.entente.simulations.net.NetworkStats;

/**
 * Counters of one run: events executed, virtual ticks, network traffic, changes refused by
 * replicas, state transferred outside the network (late-join bootstraps), and convergence time.
 * Immutable.
 */
public record RunStats(
    long events,
    long ticks,
    long messages,
    long bytes,
    long delivered,
    long lost,
    long cut,
    long duplicated,
    long rejected,
    long bootstrapBytes,
    long convergenceTicks,
    long orphaned) {
  static RunStats of(
      long events,
      long ticks,
      NetworkStats net,
      long rejected,
      long bootstrapBytes,
      long convergenceTicks,
      long orphaned) {
    return new RunStats(
        events,
        ticks,
        net.sent(),
        net.bytesSent(),
        net.delivered(),
        net.lost(),
        net.cut(),
        net.duplicated(),
        rejected,
        bootstrapBytes,
        convergenceTicks,
        orphaned);
  }

  /** The counters as {@code key=value} words. */
  public String describe() {
    return "events="
        + events
        + " ticks="
        + ticks
        + " messages="
        + messages
        + " bytes="
        + bytes
        + " lost="
        + lost
        + " cut="
        + cut
        + " duplicated="
        + duplicated
        + " rejected="
        + rejected
        + " convergence-ticks="
        + convergenceTicks
        + " orphaned="
        + orphaned;
  }
}
