package dev.entente.model.history;

import dev.entente.model.Check;

/**
 * A Clojure/EDN keyword such as {@code :read} or {@code :nemesis}, kept distinct from strings so
 * that histories round-trip between EDN and JSON without losing which was which. Immutable.
 */
public record Keyword(String name) implements Comparable<Keyword> {
  /** Validates that the name is non-empty and has no leading colon. */
  public Keyword {
    Check.argument(name != null && !name.isEmpty(), "keyword name must not be empty");
    Check.argument(!name.startsWith(":"), "keyword name must not start with ':', was %s", name);
  }

  /** Shorthand for {@code new Keyword(name)}. */
  public static Keyword of(String name) {
    return new Keyword(name);
  }

  @Override
  public int compareTo(Keyword o) {
    return name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return ":" + name;
  }
}
