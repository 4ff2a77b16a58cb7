package dev.entente.model;

import java.util.Locale;

/**
 * Always-on internal assertions. Unlike Java's {@code assert}, these run in production too: a
 * broken invariant stops the computation before it can spread wrong state to other replicas.
 */
public final class Verify {
  private Verify() {}

  /** As {@link #that(boolean, String, Object...)}, without allocating when {@code ok}. */
  public static void that(boolean ok, String format, long a) {
    if (!ok) {
      throw new InvariantViolation(String.format(Locale.ROOT, format, a));
    }
  }

  /** As {@link #that(boolean, String, Object...)}, without allocating when {@code ok}. */
  public static void that(boolean ok, String format, long a, long b) {
    if (!ok) {
      throw new InvariantViolation(String.format(Locale.ROOT, format, a, b));
    }
  }

  /** As {@link #that(boolean, String, Object...)}, without allocating when {@code ok}. */
  public static void that(boolean ok, String format, long a, long b, long c) {
    if (!ok) {
      throw new InvariantViolation(String.format(Locale.ROOT, format, a, b, c));
    }
  }

  /** As {@link #that(boolean, String, Object...)}, without allocating when {@code ok}. */
  public static void that(boolean ok, String format, Object a) {
    if (!ok) {
      throw new InvariantViolation(String.format(Locale.ROOT, format, a));
    }
  }

  /** As {@link #that(boolean, String, Object...)}, without allocating when {@code ok}. */
  public static void that(boolean ok, String format, Object a, Object b) {
    if (!ok) {
      throw new InvariantViolation(String.format(Locale.ROOT, format, a, b));
    }
  }

  /** Throws {@link InvariantViolation} with the formatted message unless {@code ok}. */
  public static void that(boolean ok, String format, Object... args) {
    if (!ok) {
      throw new InvariantViolation(String.format(Locale.ROOT, format, args));
    }
  }
}
