package dev.entente.model.schema;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Conversions between field types, as a change-type lens uses them. A conversion from {@code a} to
 * {@code b} is <em>total</em> if every value of {@code a} has an image in {@code b}; it is
 * <em>invertible</em> if it is total both ways and the round trips are identities (minutes and
 * clock times are the same numbers spelt two ways). Stateless.
 */
public final class Conversion {
  private Conversion() {}

  /**
   * {@code text}, a value of {@code from}, spelt as a value of {@code to}; empty if {@code text} is
   * not a value of {@code from} or has no image in {@code to}. Tags are kept.
   */
  public static Optional<String> convert(FieldType from, FieldType to, String text) {
    if (!from.admits(text)) {
      return Optional.empty();
    }
    if (from == to || to == FieldType.STRING) {
      return Optional.of(text);
    }
    if (from == FieldType.STRING) {
      return to.admits(text) ? Optional.of(text) : Optional.empty();
    }
    OptionalLong n = from.number(text);
    if (n.isEmpty() || !to.holds(n.getAsLong())) {
      return Optional.empty();
    }
    return Optional.of(to.spell(n.getAsLong()) + FieldType.tag(text));
  }

  /** True if every value of {@code from} converts to {@code to}. */
  public static boolean total(FieldType from, FieldType to) {
    return from == to
        || to == FieldType.STRING
        || (from == FieldType.MINUTE || from == FieldType.CLOCK) && to != FieldType.STRING;
  }

  /** True if the conversion is total both ways, so a round trip gives back every value. */
  public static boolean invertible(FieldType from, FieldType to) {
    return total(from, to) && total(to, from);
  }
}
