package dev.entente.node;

import java.util.SplittableRandom;

/**
 * The module's one door to real time and fresh entropy: the monotonic clock for deadlines, the wall
 * clock for run-directory names, sleeping, and a seed for session salts. Everything else takes what
 * it needs from here (or is handed a value), so a reader sees where the real world enters.
 * Stateless and thread-safe.
 */
@SuppressForbidden
public final class RealTime {
  private RealTime() {}

  /** Monotonic nanoseconds, for deadlines and history times; unrelated to wall time. */
  public static long nanos() {
    return System.nanoTime();
  }

  /** Wall-clock milliseconds since the epoch. */
  public static long wallMillis() {
    return System.currentTimeMillis();
  }

  /** Sleeps {@code millis}; returns false if interrupted (the interrupt flag is kept). */
  public static boolean sleep(long millis) {
    if (millis <= 0) {
      return true;
    }
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A random source seeded from the clocks: for salts and test-free randomness only. */
  public static SplittableRandom freshRandom() {
    return new SplittableRandom(
        System.nanoTime() ^ System.currentTimeMillis() * 0x9E3779B97F4A7C15L);
  }
}
