package dev.entente.model;

import java.util.Locale;

/**
 * Always-on internal assertions. Unlike Java's {@code assert}, these run in production too: a
 * broken invariant stops the computation before it can spread wrong state to other replicas.
 */
public final class Verify {
  private Verify() {}

  /** Throws {@link InvariantViolation} with the formatted message unless {@code ok}. */
  public static void that(boolean ok, String format, Object... args) {
    if (!ok) {
      throw new InvariantViolation(String.format(Locale.ROOT, format, args));
    }
  }
}
