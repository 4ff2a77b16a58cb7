package dev.entente.model;

/**
 * A key in the replicated map: a non-empty, well-formed Unicode string of at most {@link
 * #MAX_UTF8_BYTES} bytes in UTF-8. Immutable; ordered by code point (UTF-8 byte order).
 */
public record Key(String value) implements Comparable<Key> {
  /** Longest key, in UTF-8 bytes. */
  public static final int MAX_UTF8_BYTES = 1024;

  /** Validates the key. */
  public Key {
    Check.argument(value != null, "key must not be null");
    Check.argument(!value.isEmpty(), "key must not be empty");
    int bad = TextOrder.firstUnpairedSurrogate(value);
    Check.argument(bad < 0, "key has an unpaired surrogate at char %d", bad);
    int bytes = TextOrder.utf8Length(value);
    Check.argument(
        bytes <= MAX_UTF8_BYTES,
        "key is %d UTF-8 bytes, at most %d allowed",
        bytes,
        MAX_UTF8_BYTES);
  }

  /** Shorthand for {@code new Key(value)}. */
  public static Key of(String value) {
    return new Key(value);
  }

  @Override
  public int compareTo(Key other) {
    return TextOrder.compare(value, other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
