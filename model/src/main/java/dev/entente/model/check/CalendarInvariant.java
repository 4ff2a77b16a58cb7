package dev.entente.model.check;

import dev.entente.model.Key;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The calendar workload's invariant: an event {@code event/N/} whose {@code start} and {@code end}
 * are both present has {@code start < end} (a leading integer, optionally followed by a tag such as
 * {@code 14@A-3-0} that keeps values unique for the other checkers). Under MV, a key may show
 * siblings; the state is impossible only if no choice of one sibling per key satisfies the
 * invariant, since a reader resolving the siblings could still pick a consistent pair.
 */
public final class CalendarInvariant {
  /** The checker name used in results. */
  public static final String NAME = "calendar-start-before-end";

  private CalendarInvariant() {}

  /** A checker applying the invariant to every read. */
  public static ReadInvariantChecker checker() {
    return new ReadInvariantChecker(NAME, CalendarInvariant::violations);
  }

  /** The events whose start and end are inconsistent, as sentences; empty when all are fine. */
  public static List<String> violations(MaterialisedMap view) {
    Map<String, List<Value>> starts = new TreeMap<>();
    Map<String, List<Value>> ends = new TreeMap<>();
    view.entries()
        .forEach(
            (Key k, List<Value> vs) -> {
              String key = k.value();
              if (key.startsWith("event/") && key.endsWith("/start")) {
                starts.put(key.substring(0, key.length() - "start".length()), vs);
              } else if (key.startsWith("event/") && key.endsWith("/end")) {
                ends.put(key.substring(0, key.length() - "end".length()), vs);
              }
            });
    List<String> out = new ArrayList<>();
    starts.forEach(
        (event, s) -> {
          List<Value> e = ends.get(event);
          if (e != null && !someConsistentPair(s, e)) {
            out.add(event + " start=" + s + " is not before end=" + e);
          }
        });
    return out;
  }

  private static boolean someConsistentPair(List<Value> starts, List<Value> ends) {
    for (Value s : starts) {
      for (Value e : ends) {
        Long start = parse(s);
        Long end = parse(e);
        if (start != null && end != null && start < end) {
          return true;
        }
      }
    }
    return false;
  }

  /** Parses the leading integer, ignoring a suffix that makes workload values unique. */
  private static @Nullable Long parse(Value v) {
    String text = v.value();
    int end = 0;
    while (end < text.length() && Character.isDigit(text.charAt(end))) {
      end++;
    }
    return end == 0 || end > 18 ? null : Long.parseLong(text.substring(0, end));
  }
}
