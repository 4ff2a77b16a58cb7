package dev.entente.impl.storage;

import dev.entente.model.Check;

/**
 * A stored record that could not be trusted on load and was set aside: where it was and what broke.
 * Immutable.
 *
 * @param where the record's place, e.g. {@code "changes row 17"} or {@code "log record 3"}
 * @param reason what broke, e.g. the codec's message naming the byte offset and field
 */
public record Quarantined(String where, String reason) {
  /** Validates. */
  public Quarantined {
    Check.argument(where != null && !where.isEmpty(), "where must not be empty");
    Check.argument(reason != null && !reason.isEmpty(), "reason must not be empty");
  }

  @Override
  public String toString() {
    return where + ": " + reason;
  }
}
