package dev.entente.peers;

/**
 * The one reader of the real monotonic clock in this module: it measures how long a peer takes to
 * apply a change, a number reported in the peers experiment and never part of a trace, a history or
 * a verdict.
 */
@SuppressForbidden
public final class Stopwatch {
  private Stopwatch() {}

  /** The monotonic clock in nanoseconds. */
  public static long nanos() {
    return System.nanoTime();
  }
}
