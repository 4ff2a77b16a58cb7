package dev.entente.model.schema;

import dev.entente.model.Check;
import dev.entente.model.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A typed key pattern's shape: segments separated by {@code /}, each a literal or a placeholder
 * {@code {name}} that matches one non-empty segment. {@code event/{id}/start} matches {@code
 * event/7/start} with {@code id=7}. Immutable.
 *
 * @param text the pattern as written
 */
public record KeyPattern(String text) {
  /** Validates the pattern: non-empty segments, placeholders named once each. */
  public KeyPattern {
    Check.argument(text != null && !text.isEmpty(), "key pattern must not be empty");
    List<String> names = new ArrayList<>();
    for (String s : text.split("/", -1)) {
      Check.argument(!s.isEmpty(), "key pattern '%s' has an empty segment", text);
      if (isPlaceholder(s)) {
        String name = s.substring(1, s.length() - 1);
        Check.argument(!names.contains(name), "key pattern '%s' repeats {%s}", text, name);
        names.add(name);
      } else {
        Check.argument(
            s.indexOf('{') < 0 && s.indexOf('}') < 0, "key pattern '%s' has a bad segment", text);
      }
    }
  }

  /** The placeholders' names, in order. */
  public List<String> placeholders() {
    List<String> out = new ArrayList<>();
    for (String s : segments()) {
      if (isPlaceholder(s)) {
        out.add(s.substring(1, s.length() - 1));
      }
    }
    return out;
  }

  /** The bindings under which {@code key} matches, or null if it does not. */
  public @Nullable Map<String, String> match(Key key) {
    String[] pattern = segments();
    String[] parts = key.value().split("/", -1);
    if (parts.length != pattern.length) {
      return null;
    }
    Map<String, String> out = new TreeMap<>();
    for (int i = 0; i < pattern.length; i++) {
      if (isPlaceholder(pattern[i])) {
        if (parts[i].isEmpty()) {
          return null;
        }
        out.put(pattern[i].substring(1, pattern[i].length() - 1), parts[i]);
      } else if (!pattern[i].equals(parts[i])) {
        return null;
      }
    }
    return out;
  }

  /** The key this pattern names under {@code bindings}, which must bind every placeholder. */
  public Key bind(Map<String, String> bindings) {
    StringBuilder b = new StringBuilder();
    for (String s : segments()) {
      if (b.length() > 0) {
        b.append('/');
      }
      if (isPlaceholder(s)) {
        String v = bindings.get(s.substring(1, s.length() - 1));
        Check.argument(v != null, "pattern '%s' needs a binding for %s", text, s);
        b.append(v);
      } else {
        b.append(s);
      }
    }
    return Key.of(b.toString());
  }

  private String[] segments() {
    return text.split("/", -1);
  }

  private static boolean isPlaceholder(String s) {
    return s.length() > 2 && s.charAt(0) == '{' && s.charAt(s.length() - 1) == '}';
  }

  @Override
  public String toString() {
    return text;
  }
}
