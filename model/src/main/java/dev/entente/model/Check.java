package dev.entente.model;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Precondition checks: a failed check is the caller's fault and throws {@link
 * IllegalArgumentException} or {@link IllegalStateException} with a message naming the bad value.
 *
 * <p>Messages are formatted with {@link String#format} only when the check fails, so callers on hot
 * paths pay for the condition alone.
 */
public final class Check {
  private Check() {}

  /**
   * As {@link #argument(boolean, String, Object...)} with no arguments, without allocating the
   * empty argument array on every call.
   */
  public static void argument(boolean ok, String format) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, format));
    }
  }

  /** As {@link #argument(boolean, String, Object...)}, without allocating when {@code ok}. */
  public static void argument(boolean ok, String format, long a) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, format, a));
    }
  }

  /** As {@link #argument(boolean, String, Object...)}, without allocating when {@code ok}. */
  public static void argument(boolean ok, String format, long a, long b) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, format, a, b));
    }
  }

  /** As {@link #argument(boolean, String, Object...)}, without allocating when {@code ok}. */
  public static void argument(boolean ok, String format, long a, long b, long c) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, format, a, b, c));
    }
  }

  /** As {@link #argument(boolean, String, Object...)}, without allocating when {@code ok}. */
  public static void argument(boolean ok, String format, @Nullable Object a) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, format, a));
    }
  }

  /** As {@link #argument(boolean, String, Object...)}, without allocating when {@code ok}. */
  public static void argument(boolean ok, String format, @Nullable Object a, @Nullable Object b) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, format, a, b));
    }
  }

  /** Throws {@link IllegalArgumentException} with the formatted message unless {@code ok}. */
  public static void argument(boolean ok, String format, @Nullable Object... args) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, format, args));
    }
  }

  /** As {@link #state(boolean, String, Object...)}, without allocating when {@code ok}. */
  public static void state(boolean ok, String format, long a) {
    if (!ok) {
      throw new IllegalStateException(String.format(Locale.ROOT, format, a));
    }
  }

  /** As {@link #state(boolean, String, Object...)}, without allocating when {@code ok}. */
  public static void state(boolean ok, String format, long a, long b) {
    if (!ok) {
      throw new IllegalStateException(String.format(Locale.ROOT, format, a, b));
    }
  }

  /** As {@link #state(boolean, String, Object...)}, without allocating when {@code ok}. */
  public static void state(boolean ok, String format, long a, long b, long c) {
    if (!ok) {
      throw new IllegalStateException(String.format(Locale.ROOT, format, a, b, c));
    }
  }

  /** As {@link #state(boolean, String, Object...)}, without allocating when {@code ok}. */
  public static void state(boolean ok, String format, @Nullable Object a) {
    if (!ok) {
      throw new IllegalStateException(String.format(Locale.ROOT, format, a));
    }
  }

  /** As {@link #state(boolean, String, Object...)}, without allocating when {@code ok}. */
  public static void state(boolean ok, String format, @Nullable Object a, @Nullable Object b) {
    if (!ok) {
      throw new IllegalStateException(String.format(Locale.ROOT, format, a, b));
    }
  }

  /** Throws {@link IllegalStateException} with the formatted message unless {@code ok}. */
  public static void state(boolean ok, String format, @Nullable Object... args) {
    if (!ok) {
      throw new IllegalStateException(String.format(Locale.ROOT, format, args));
    }
  }
}
