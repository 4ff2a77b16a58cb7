package dev.entente.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name of a replica (a device, an actor): 1 to 64 ASCII characters from {@code [A-Za-z0-9_-]}.
 * Immutable. Ordered by byte value, which for ASCII is {@link String#compareTo}.
 *
 * <p>The replica id is the LWW tie-break between writes with equal timestamps, so two replicas must
 * never share one.
 */
public record ReplicaId(String value) implements Comparable<ReplicaId> {
  /** Longest id in characters (and bytes: ids are ASCII). */
  public static final int MAX_LENGTH = 64;

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** Validates the id. */
  public ReplicaId {
    Check.argument(value != null, "replica id must not be null");
    Check.argument(
        VALID.matcher(value).matches(),
        "replica id must match [A-Za-z0-9_-]{1,64}, was \"%s\"",
        printable(value));
  }

  /** Shorthand for {@code new ReplicaId(value)}. */
  public static ReplicaId of(String value) {
    return new ReplicaId(value);
  }

  @Override
  public int compareTo(ReplicaId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }

  private static String printable(String s) {
    String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
    StringBuilder out = new StringBuilder();
    for (char c : cut.toCharArray()) {
      out.append(
          c >= 0x20 && c < 0x7f
              ? String.valueOf(c)
              : String.format(Locale.ROOT, "\\u%04x", (int) c));
    }
    return out.toString();
  }
}
