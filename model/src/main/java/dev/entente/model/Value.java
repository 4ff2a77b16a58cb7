package dev.entente.model;

/**
 * A value stored under a key: a well-formed Unicode string (possibly empty) of at most {@link
 * #MAX_UTF8_BYTES} bytes in UTF-8. Immutable; ordered by code point (UTF-8 byte order).
 */
public record Value(String value) implements Comparable<Value> {
  /** Largest value, in UTF-8 bytes. */
  public static final int MAX_UTF8_BYTES = 1 << 20;

  /** Validates the value. */
  public Value {
    Check.argument(value != null, "value must not be null");
    int bad = TextOrder.firstUnpairedSurrogate(value);
    Check.argument(bad < 0, "value has an unpaired surrogate at char %d", bad);
    int bytes = TextOrder.utf8Length(value);
    Check.argument(
        bytes <= MAX_UTF8_BYTES,
        "value is %d UTF-8 bytes, at most %d allowed",
        bytes,
        MAX_UTF8_BYTES);
  }

  /** Shorthand for {@code new Value(value)}. */
  public static Value of(String value) {
    return new Value(value);
  }

  @Override
  public int compareTo(Value other) {
    return TextOrder.compare(value, other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
