package dev.entente.simulations.workload;

import dev.entente.model.Key;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Value;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The calendar workload's data layout and invariant. Event {@code N} is the causal group {@code
 * event/N/} holding {@code event/N/start} and {@code event/N/end}; a value is {@code
 * "<minute>@<tag>"} where the tag names the write that made it. Invariant: whenever both keys of an
 * event are present, every start is strictly before every end. Clients only ever write states that
 * keep it with respect to what they read, so a violation is an impossible state made by merging
 * (per-key LWW can make one; the causal-group policy must not). Stateless.
 */
public final class Calendar {
  /** Latest minute a move may start at. */
  public static final long DAY_MINUTES = 1440;

  private static final Pattern MINUTE = Pattern.compile("-?[0-9]{1,18}");

  private Calendar() {}

  /** The start key of event {@code n}. */
  public static Key start(int n) {
    return Key.of("event/" + n + "/start");
  }

  /** The end key of event {@code n}. */
  public static Key end(int n) {
    return Key.of("event/" + n + "/end");
  }

  /** The value for {@code minute} written by the write tagged {@code tag}. */
  public static Value value(long minute, String tag) {
    return Value.of(minute + "@" + tag);
  }

  /** The minute of a calendar value, or empty if it is not one. */
  public static OptionalLong minute(Value v) {
    String s = v.value();
    int at = s.indexOf('@');
    if (at <= 0) {
      return OptionalLong.empty();
    }
    String minute = s.substring(0, at);
    // Checked up front rather than by catching parseLong's exception: 18 digits always fit a long.
    return MINUTE.matcher(minute).matches()
        ? OptionalLong.of(Long.parseLong(minute))
        : OptionalLong.empty();
  }

  /**
   * The first event in {@code view} (events {@code 0..events-1}) that breaks the invariant,
   * described, or null if none does.
   */
  public static @Nullable String firstViolation(MaterialisedMap view, int events) {
    for (int n = 0; n < events; n++) {
      List<Value> starts = view.get(start(n));
      List<Value> ends = view.get(end(n));
      for (Value s : starts) {
        for (Value e : ends) {
          OptionalLong a = minute(s);
          OptionalLong b = minute(e);
          if (a.isPresent() && b.isPresent() && a.getAsLong() >= b.getAsLong()) {
            return "event/" + n + "/ start " + s + " is not before end " + e;
          }
        }
      }
    }
    return null;
  }
}
