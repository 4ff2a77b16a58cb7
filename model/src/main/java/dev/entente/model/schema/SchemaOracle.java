package dev.entente.model.schema;

import dev.entente.model.Change;
import dev.entente.model.ChangeSet;
import dev.entente.model.Check;
import dev.entente.model.Key;
import dev.entente.model.Op;
import dev.entente.model.Value;
import dev.entente.model.Write;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * First-principles semantics of reading a replicated history at one schema version: translate every
 * write of every change from the version it was written under to the reader's, one lens step at a
 * time, <em>then</em> resolve each key by last-writer-wins, then join split keys, fill defaults and
 * sort the result into known and opaque. Changes without a schema, or from a version newer than the
 * chain knows, are not translated (their keys stay as written).
 *
 * <p>Joins: reading below a split, the two parts are separate registers resolved on their own; a
 * whole write of the joined key counts as a write of both parts (a value without the separator is
 * its first part, with an empty second). Both parts present: the joined value; one: the key is
 * opaque, its missing part empty.
 *
 * <p>Deliberately naive and independent of {@code impl}: it is the oracle the fast translator is
 * checked against. Stateless.
 */
public final class SchemaOracle {
  private static final int WHOLE = -1;

  private SchemaOracle() {}

  /** A write on its way through the lenses; a null value is a delete. */
  private record Moving(Key key, int part, @Nullable String value, String separator) {
    Moving to(Key k) {
      return new Moving(k, part, value, separator);
    }
  }

  /** A write arrived at the reader's version, with its place in the LWW order. */
  private record Landed(Moving write, Change change, int position) {}

  private static final Comparator<Landed> ORDER =
      Comparator.comparing(Landed::change, Write.CHANGE_ORDER).thenComparingInt(Landed::position);

  /** The view of {@code changes} at {@code version} of {@code chain}. */
  public static VersionedView read(SchemaChain chain, Collection<Change> changes, int version) {
    Check.argument(version >= 1 && version <= chain.latest(), "no version %d", version);
    List<Landed> landed = new ArrayList<>();
    for (Change c : ChangeSet.of(changes).values()) {
      List<Moving> out = translate(chain, c, version);
      for (int i = 0; i < out.size(); i++) {
        landed.add(new Landed(out.get(i), c, i));
      }
    }
    Map<String, Landed> winners = new TreeMap<>();
    for (Landed l : expandWholes(landed)) {
      winners.merge(slot(l.write()), l, (a, b) -> ORDER.compare(a, b) >= 0 ? a : b);
    }
    TreeMap<Key, Value> known = new TreeMap<>();
    TreeMap<Key, Value> opaque = new TreeMap<>();
    assemble(chain.at(version), winners, known, opaque);
    addDefaults(chain, version, known, opaque);
    return new VersionedView(version, known, opaque);
  }

  private static String slot(Moving m) {
    return m.key().value() + "\u0000" + m.part();
  }

  /** Every op of {@code c} translated to {@code version}. */
  private static List<Moving> translate(SchemaChain chain, Change c, int version) {
    List<Moving> out = new ArrayList<>();
    for (Op op : c.ops()) {
      String value = op instanceof Op.Put p ? p.value().value() : null;
      out.add(new Moving(op.key(), WHOLE, value, ""));
    }
    int from = c.schemaVersion();
    if (from == Change.NO_SCHEMA || from > chain.latest()) {
      return out;
    }
    for (int v = from; v < version; v++) {
      out = through(chain.stepFrom(v), out, true);
    }
    for (int v = from; v > version; v--) {
      out = through(chain.stepFrom(v - 1), out, false);
    }
    return out;
  }

  private static List<Moving> through(LensStep step, List<Moving> in, boolean forward) {
    List<Moving> out = new ArrayList<>();
    for (Moving m : in) {
      out.addAll(forward ? forward(step, m) : backward(step, m));
    }
    return out;
  }

  private static List<Moving> forward(LensStep step, Moving m) {
    for (Lens lens : step.lenses()) {
      if (lens instanceof Lens.Rename r) {
        Map<String, String> b = r.from().match(m.key());
        if (b != null) {
          return List.of(m.to(r.to().bind(b)));
        }
      } else if (lens instanceof Lens.Remove r && r.pattern().match(m.key()) != null) {
        return List.of();
      } else if (lens instanceof Lens.Split s) {
        Map<String, String> b = s.from().match(m.key());
        if (b != null) {
          return split(s, m, b);
        }
      } else if (lens instanceof Lens.Convert c && c.pattern().match(m.key()) != null) {
        return List.of(convert(m, c.from(), c.to()));
      }
    }
    return List.of(m);
  }

  private static List<Moving> split(Lens.Split s, Moving m, Map<String, String> b) {
    Key first = s.first().bind(b);
    Key second = s.second().bind(b);
    if (m.value() == null) {
      return List.of(new Moving(first, WHOLE, null, ""), new Moving(second, WHOLE, null, ""));
    }
    int at = m.value().indexOf(s.separator());
    if (at < 0) {
      return List.of(m);
    }
    return List.of(
        new Moving(first, WHOLE, m.value().substring(0, at), ""),
        new Moving(second, WHOLE, m.value().substring(at + 1), ""));
  }

  private static Moving convert(Moving m, FieldType from, FieldType to) {
    if (m.value() == null || m.part() != WHOLE) {
      return m;
    }
    return new Moving(
        m.key(), WHOLE, Conversion.convert(from, to, m.value()).orElse(m.value()), "");
  }

  private static List<Moving> backward(LensStep step, Moving m) {
    for (Lens lens : step.lenses()) {
      if (lens instanceof Lens.Rename r) {
        Map<String, String> b = r.to().match(m.key());
        if (b != null) {
          return List.of(m.to(r.from().bind(b)));
        }
      } else if (lens instanceof Lens.Add a && a.pattern().match(m.key()) != null) {
        return List.of();
      } else if (lens instanceof Lens.Split s && m.part() == WHOLE) {
        Map<String, String> first = s.first().match(m.key());
        Map<String, String> second = s.second().match(m.key());
        if (first != null) {
          return List.of(new Moving(s.from().bind(first), 0, m.value(), s.separator()));
        }
        if (second != null) {
          return List.of(new Moving(s.from().bind(second), 1, m.value(), s.separator()));
        }
      } else if (lens instanceof Lens.Convert c && c.pattern().match(m.key()) != null) {
        return List.of(convert(m, c.to(), c.from()));
      }
    }
    return List.of(m);
  }

  /** Whole writes of keys that also have part writes count as writes of both parts. */
  private static List<Landed> expandWholes(List<Landed> landed) {
    Map<Key, String> joined = new TreeMap<>();
    for (Landed l : landed) {
      if (l.write().part() != WHOLE) {
        joined.put(l.write().key(), l.write().separator());
      }
    }
    List<Landed> out = new ArrayList<>();
    for (Landed l : landed) {
      Moving w = l.write();
      String sep = joined.get(w.key());
      if (w.part() != WHOLE || sep == null) {
        out.add(l);
        continue;
      }
      String first = w.value();
      String second = w.value() == null ? null : "";
      if (w.value() != null && w.value().contains(sep)) {
        first = w.value().substring(0, w.value().indexOf(sep));
        second = w.value().substring(w.value().indexOf(sep) + 1);
      }
      out.add(new Landed(new Moving(w.key(), 0, first, sep), l.change(), l.position()));
      out.add(new Landed(new Moving(w.key(), 1, second, sep), l.change(), l.position()));
    }
    return out;
  }

  private static void assemble(
      Schema schema, Map<String, Landed> winners, Map<Key, Value> known, Map<Key, Value> opaque) {
    Map<Key, String[]> parts = new TreeMap<>();
    for (Landed l : winners.values()) {
      Moving w = l.write();
      if (w.part() == WHOLE) {
        if (w.value() != null) {
          classify(schema, w.key(), w.value(), known, opaque);
        }
        continue;
      }
      String[] p = parts.computeIfAbsent(w.key(), k -> new String[3]);
      p[w.part()] = w.value();
      p[2] = w.separator();
    }
    parts.forEach(
        (k, p) -> {
          if (p[0] != null && p[1] != null) {
            classify(schema, k, p[0] + p[2] + p[1], known, opaque);
          } else if (p[0] != null || p[1] != null) {
            opaque.put(k, Value.of(Objects.toString(p[0], "") + p[2] + Objects.toString(p[1], "")));
          }
        });
  }

  private static void classify(
      Schema schema, Key key, String value, Map<Key, Value> known, Map<Key, Value> opaque) {
    Field f = schema.fieldFor(key);
    (f != null && f.type().admits(value) ? known : opaque).put(key, Value.of(value));
  }

  /** Fields added with a default read it where their entity exists and they are absent. */
  private static void addDefaults(
      SchemaChain chain, int version, Map<Key, Value> known, Map<Key, Value> opaque) {
    for (int v = 1; v < version; v++) {
      for (Lens lens : chain.stepFrom(v).lenses()) {
        if (lens instanceof Lens.Add a) {
          Lens.Add at = carry(chain, a, v + 1, version);
          if (at != null) {
            fill(chain.at(version), at, known, opaque);
          }
        }
      }
    }
  }

  /** The added field as it is called at {@code version}, or null if a later step removed it. */
  private static Lens.@Nullable Add carry(SchemaChain chain, Lens.Add a, int from, int version) {
    Lens.Add out = a;
    for (int v = from; v < version; v++) {
      for (Lens lens : chain.stepFrom(v).lenses()) {
        if (lens instanceof Lens.Rename r && r.from().equals(out.pattern())) {
          out = new Lens.Add(r.to(), out.type(), out.defaultValue());
        } else if (lens instanceof Lens.Convert c && c.pattern().equals(out.pattern())) {
          String d = Conversion.convert(c.from(), c.to(), out.defaultValue()).orElse(null);
          if (d == null) {
            return null;
          }
          out = new Lens.Add(out.pattern(), c.to(), d);
        } else if (lens instanceof Lens.Remove r && r.pattern().equals(out.pattern())
            || lens instanceof Lens.Split s && s.from().equals(out.pattern())) {
          return null;
        }
      }
    }
    return out;
  }

  private static void fill(
      Schema schema, Lens.Add a, Map<Key, Value> known, Map<Key, Value> opaque) {
    String entity = entity(a.pattern());
    List<Map<String, String>> bindings = new ArrayList<>();
    for (Key k : known.keySet()) {
      Field f = schema.fieldFor(k);
      if (f != null && entity(f.pattern()).equals(entity)) {
        Map<String, String> b = f.pattern().match(k);
        if (b != null && !bindings.contains(b)) {
          bindings.add(b);
        }
      }
    }
    for (Map<String, String> b : bindings) {
      Key key = a.pattern().bind(b);
      if (!known.containsKey(key) && !opaque.containsKey(key)) {
        known.put(key, Value.of(a.defaultValue()));
      }
    }
  }

  /** A pattern's entity: the pattern without its last segment ({@code event/{id}}). */
  static String entity(KeyPattern p) {
    int slash = p.text().lastIndexOf('/');
    return slash < 0 ? "" : p.text().substring(0, slash);
  }
}
