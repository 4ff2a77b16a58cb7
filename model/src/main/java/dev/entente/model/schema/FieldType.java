package dev.entente.model.schema;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The type of a schema field, and how a value's text parses at it. Every type but {@link #STRING}
 * is a number spelt its own way, optionally followed by {@code @tag} (the workloads tag values to
 * keep them unique); a conversion keeps the tag. Values compare by their number; strings by text.
 * Stateless.
 */
public enum FieldType {
  /** Any text. */
  STRING,
  /** A decimal integer of at most 18 digits, optionally signed. */
  INT,
  /** A minute of the day, {@code 0..1439}, in decimal. */
  MINUTE,
  /** A time of day, {@code HH:MM} from {@code 00:00} to {@code 23:59}. */
  CLOCK;

  private static final Pattern TAGGED = Pattern.compile("([^@]*)(@[A-Za-z0-9_-]+)?");
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
  private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):([0-5][0-9])");

  /** The name used in schema files: the constant in lowercase. */
  public String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type a schema file names; throws IllegalArgumentException naming the choices if none. */
  public static FieldType parse(String name) {
    for (FieldType t : values()) {
      if (t.fileName().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "'" + name + "' is not a field type; expected string, int, minute or clock");
  }

  /** True if {@code text} is a value of this type. */
  public boolean admits(String text) {
    return this == STRING || number(text).isPresent();
  }

  /**
   * The number a non-string value stands for, or empty if {@code text} is not a value of this type
   * (always empty for {@link #STRING}).
   */
  public OptionalLong number(String text) {
    Matcher m = TAGGED.matcher(text);
    if (this == STRING || !m.matches()) {
      return OptionalLong.empty();
    }
    String core = m.group(1);
    if (this == CLOCK) {
      Matcher c = HH_MM.matcher(core);
      return c.matches()
          ? OptionalLong.of(Long.parseLong(c.group(1)) * 60 + Long.parseLong(c.group(2)))
          : OptionalLong.empty();
    }
    if (!INTEGER.matcher(core).matches()) {
      return OptionalLong.empty();
    }
    long n = Long.parseLong(core);
    return this == MINUTE && (n < 0 || n >= 1440) ? OptionalLong.empty() : OptionalLong.of(n);
  }

  /** The tag of a value ({@code "@t"} or empty); the caller has checked that it parses. */
  static String tag(String text) {
    Matcher m = TAGGED.matcher(text);
    return m.matches() && m.group(2) != null ? m.group(2) : "";
  }

  /** How this type spells {@code n} (not for strings, which are converted as text). */
  String spell(long n) {
    return this == CLOCK
        ? String.format(Locale.ROOT, "%02d:%02d", n / 60, n % 60)
        : Long.toString(n);
  }

  /** True if {@code n} is in this numeric type's range. */
  boolean holds(long n) {
    return switch (this) {
      case STRING -> false;
      case INT -> Math.abs(n) < 1_000_000_000_000_000_000L;
      case MINUTE, CLOCK -> n >= 0 && n < 1440;
    };
  }
}
