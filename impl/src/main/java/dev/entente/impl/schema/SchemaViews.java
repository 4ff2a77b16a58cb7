package dev.entente.impl.schema;

import dev.entente.model.Change;
import dev.entente.model.Check;
import dev.entente.model.Key;
import dev.entente.model.Value;
import dev.entente.model.schema.Field;
import dev.entente.model.schema.Schema;
import dev.entente.model.schema.VersionedView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads a replica's change log at one schema version: translate every write to the reader's version
 * <em>before</em> resolving, so a write of an old name and a write of the new name compete in one
 * register by last-writer-wins; then join split keys, fill defaults, and sort known from opaque
 * (see {@code SchemaOracle} in model for the rules this must agree with). The log is kept as
 * written, so the view at any version can be read again later. Stateless; thread-safe.
 */
public final class SchemaViews {
  private final Translator translator;
  private final Defaults defaults;

  /** Views through {@code translator}'s chain. */
  public SchemaViews(Translator translator) {
    Check.argument(translator != null, "translator must not be null");
    this.translator = translator;
    this.defaults = new Defaults(translator.chain());
  }

  /** The view of {@code log} (any order; duplicates by dot ignored) at {@code version}. */
  public VersionedView read(Collection<Change> log, int version) {
    List<Landed> all = new ArrayList<>();
    Map<Object, Boolean> seen = new HashMap<>();
    for (Change c : log) {
      if (seen.put(c.dot(), Boolean.TRUE) == null) {
        all.addAll(translator.translate(c, version));
      }
    }
    TreeMap<Key, Value> known = new TreeMap<>();
    TreeMap<Key, Value> opaque = new TreeMap<>();
    assemble(translator.chain().at(version), resolve(all), known, opaque);
    defaults.fill(version, known, opaque);
    return new VersionedView(version, known, opaque);
  }

  /**
   * The winning write of each register, by {@link Landed#ORDER}. Whole writes of a key that also
   * has part writes count as writes of both parts.
   */
  public static Map<String, Landed> resolve(List<Landed> writes) {
    Map<Key, String> joined = new HashMap<>();
    for (Landed w : writes) {
      if (w.part() != Landed.WHOLE) {
        joined.put(w.key(), w.separator());
      }
    }
    Map<String, Landed> winners = new LinkedHashMap<>();
    for (Landed w : writes) {
      String sep = w.part() == Landed.WHOLE ? joined.get(w.key()) : null;
      if (sep == null) {
        compete(winners, w);
      } else {
        String v = w.value();
        int at = v == null ? -1 : v.indexOf(sep);
        String first = v == null || at < 0 ? v : v.substring(0, at);
        String second = v == null ? null : at < 0 ? "" : v.substring(at + 1);
        compete(winners, w.at(w.key(), 0, first, sep));
        compete(winners, w.at(w.key(), 1, second, sep));
      }
    }
    return winners;
  }

  private static void compete(Map<String, Landed> winners, Landed w) {
    winners.merge(w.register(), w, (a, b) -> Landed.ORDER.compare(a, b) >= 0 ? a : b);
  }

  /**
   * Puts each winning value in {@code known} or {@code opaque}, joining the parts of split keys.
   */
  public static void assemble(
      Schema schema, Map<String, Landed> winners, Map<Key, Value> known, Map<Key, Value> opaque) {
    Map<Key, Landed[]> parts = new TreeMap<>();
    for (Landed w : winners.values()) {
      if (w.part() == Landed.WHOLE) {
        String v = w.value();
        if (v != null) {
          place(schema, w.key(), v, known, opaque);
        }
      } else {
        parts.computeIfAbsent(w.key(), k -> new Landed[2])[w.part()] = w;
      }
    }
    parts.forEach((k, p) -> join(schema, k, p, known, opaque));
  }

  private static void join(
      Schema schema, Key k, Landed[] p, Map<Key, Value> known, Map<Key, Value> opaque) {
    String sep = p[0] != null ? p[0].separator() : p[1].separator();
    String first = value(p[0]);
    String second = value(p[1]);
    if (first != null && second != null) {
      place(schema, k, first + sep + second, known, opaque);
    } else if (first != null || second != null) {
      opaque.put(k, Value.of((first == null ? "" : first) + sep + (second == null ? "" : second)));
    }
  }

  private static @Nullable String value(@Nullable Landed w) {
    return w == null ? null : w.value();
  }

  private static void place(
      Schema schema, Key key, String value, Map<Key, Value> known, Map<Key, Value> opaque) {
    Field f = schema.fieldFor(key);
    if (f != null && f.type().admits(value)) {
      known.put(key, Value.of(value));
    } else {
      opaque.put(key, Value.of(value));
    }
  }
}
