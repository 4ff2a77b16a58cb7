package dev.entente.simulations;

import dev.entente.simulations.net.NetworkStats;

/**
 * Counters of one run: events executed, virtual ticks, network traffic, changes refused by
 * replicas, state transferred outside the network (late-join bootstraps), convergence time, and the
 * largest lead of a local write's timestamp over its replica's physical clock ({@code timestamp
 * wall - physical millis} at the write; for Lamport clocks the wall part is a counter, so the
 * figure means nothing there). Immutable.
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
    long orphaned,
    long maxTimestampLeadMillis) {
  /** {@link #maxTimestampLeadMillis} of a run in which no replica made a local write. */
  public static final long NO_LOCAL_WRITE = Long.MIN_VALUE;

  public static RunStats of(
      long events,
      long ticks,
      NetworkStats net,
      long rejected,
      long bootstrapBytes,
      long convergenceTicks,
      long orphaned,
      long maxTimestampLeadMillis) {
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
        orphaned,
        maxTimestampLeadMillis);
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
        + orphaned
        + " max-timestamp-lead="
        + (maxTimestampLeadMillis == NO_LOCAL_WRITE ? "none" : maxTimestampLeadMillis);
  }
}
