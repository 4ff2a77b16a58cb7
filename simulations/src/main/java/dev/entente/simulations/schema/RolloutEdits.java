package dev.entente.simulations.schema;

import dev.entente.model.Key;
import dev.entente.model.Op;
import dev.entente.model.Value;
import dev.entente.model.schema.Field;
import dev.entente.model.schema.Schema;
import dev.entente.simulations.workload.ClientOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Spells a {@link ClientOp.SchemaEdit} in the built-in calendar chain's version {@code v} (see
 * {@code impl/src/main/resources/schemas/calendar.json}): the title is {@code title}, then {@code
 * name}, then {@code label}; the time span is one {@code when} key in version 1 ({@code s|e}) and
 * {@code start}/{@code end} after, as minutes then clock times, always written together so the
 * invariant {@code start < end} survives per-key merging; notes exist up to version 3, the colour
 * from version 3 (an edit of a field the version lacks edits the title instead). Values carry the
 * write's tag. Stateless.
 */
public final class RolloutEdits {
  private RolloutEdits() {}

  /** The ops of {@code edit} at {@code schema}'s version, tagged {@code tag}. */
  public static List<Op> resolve(ClientOp.SchemaEdit edit, Schema schema, String tag) {
    int v = schema.version();
    String e = "event/" + edit.event() + "/";
    return switch (edit.action()) {
      case 1 -> span(e, v, edit.a(), edit.b(), tag);
      case 2 -> List.of(v <= 3 ? put(e + "notes", "n-" + tag) : put(e + "color", "c-" + tag));
      case 3 -> List.of(v >= 3 ? put(e + "color", "c-" + tag) : put(e + title(v), "t-" + tag));
      case 4 -> cancel(schema, edit.event());
      default -> List.of(put(e + title(v), "t-" + tag));
    };
  }

  private static String title(int v) {
    return v == 1 ? "title" : v <= 3 ? "name" : "label";
  }

  private static List<Op> span(String e, int v, long a, long b, String tag) {
    long start = a % 1320;
    long end = start + 1 + b % 119;
    if (v == 1) {
      return List.of(put(e + "when", start + "@" + tag + "|" + end + "@" + tag));
    }
    return List.of(
        put(e + "start", time(v, start) + "@" + tag), put(e + "end", time(v, end) + "@" + tag));
  }

  private static String time(int v, long minute) {
    return v == 2
        ? Long.toString(minute)
        : String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
  }

  private static List<Op> cancel(Schema schema, int event) {
    List<Op> out = new ArrayList<>();
    for (Field f : schema.fields()) {
      out.add(new Op.Delete(f.pattern().bind(Map.of("id", Integer.toString(event)))));
    }
    return out;
  }

  private static Op put(String key, String value) {
    return new Op.Put(Key.of(key), Value.of(value));
  }
}
