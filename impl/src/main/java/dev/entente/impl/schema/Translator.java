package dev.entente.impl.schema;

import dev.entente.model.Change;
import dev.entente.model.Check;
import dev.entente.model.Key;
import dev.entente.model.Op;
import dev.entente.model.schema.Conversion;
import dev.entente.model.schema.KeyPattern;
import dev.entente.model.schema.Lens;
import dev.entente.model.schema.LensStep;
import dev.entente.model.schema.SchemaChain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Translates the writes of a change from the schema version it was written under to a reader's, one
 * lens step at a time (forward through each step's lenses, or backward through their inverses); the
 * first lens of a step whose pattern matches a key translates it. A value a lens cannot convert
 * stays as written (the reader will see it opaque). Changes without a schema, or newer than the
 * chain, are not translated. Stateless apart from the chain; thread-safe.
 */
public final class Translator {
  private final SchemaChain chain;

  /** A translator over {@code chain}. */
  public Translator(SchemaChain chain) {
    Check.argument(chain != null, "chain must not be null");
    this.chain = chain;
  }

  /** The chain this translator reads. */
  public SchemaChain chain() {
    return chain;
  }

  /** Every write of {@code change} as it lands at {@code target}, in the change's order. */
  public List<Landed> translate(Change change, int target) {
    Check.argument(target >= 1 && target <= chain.latest(), "no schema version %d", target);
    List<Landed> out = new ArrayList<>(change.ops().size());
    for (Op op : change.ops()) {
      String value = op instanceof Op.Put p ? p.value().value() : null;
      out.add(new Landed(op.key(), Landed.WHOLE, value, "", change, out.size()));
    }
    int from = change.schemaVersion();
    if (from == Change.NO_SCHEMA || from > chain.latest()) {
      return out;
    }
    for (int v = from; v < target; v++) {
      out = step(chain.stepFrom(v), out, true);
    }
    for (int v = from; v > target; v--) {
      out = step(chain.stepFrom(v - 1), out, false);
    }
    return out;
  }

  private static List<Landed> step(LensStep step, List<Landed> in, boolean forward) {
    List<Landed> out = new ArrayList<>(in.size() + 2);
    for (Landed w : in) {
      Lens lens = firstMatch(step, w, forward);
      if (lens == null) {
        out.add(w);
      } else if (forward) {
        Forward.apply(lens, w, out);
      } else {
        Backward.apply(lens, w, out);
      }
    }
    return out;
  }

  /** The lens of {@code step} that translates {@code w}'s key, or null. */
  private static @Nullable Lens firstMatch(LensStep step, Landed w, boolean forward) {
    for (Lens lens : step.lenses()) {
      for (KeyPattern p : sources(lens, forward, w.part() == Landed.WHOLE)) {
        if (p.match(w.key()) != null) {
          return lens;
        }
      }
    }
    return null;
  }

  /** The patterns a lens reads from, in the given direction. */
  private static List<KeyPattern> sources(Lens lens, boolean forward, boolean whole) {
    if (lens instanceof Lens.Rename r) {
      return List.of(forward ? r.from() : r.to());
    } else if (lens instanceof Lens.Split s) {
      return forward ? List.of(s.from()) : whole ? List.of(s.first(), s.second()) : List.of();
    } else if (lens instanceof Lens.Convert c) {
      return whole ? List.of(c.pattern()) : List.of();
    } else if (lens instanceof Lens.Add a) {
      return forward ? List.of() : List.of(a.pattern());
    }
    return forward ? List.of(((Lens.Remove) lens).pattern()) : List.of();
  }

  /** The lenses read old to new. */
  private static final class Forward {
    static void apply(Lens lens, Landed w, List<Landed> out) {
      if (lens instanceof Lens.Rename r) {
        out.add(w.at(rebind(r.from(), r.to(), w.key()), w.part(), w.value(), w.separator()));
      } else if (lens instanceof Lens.Split s) {
        split(s, w, out);
      } else if (lens instanceof Lens.Convert c) {
        out.add(convert(w, c, true));
      }
      // Remove: the write has no place in the new version.
    }

    private static void split(Lens.Split s, Landed w, List<Landed> out) {
      Key first = rebind(s.from(), s.first(), w.key());
      Key second = rebind(s.from(), s.second(), w.key());
      String v = w.value();
      if (v == null) {
        out.add(w.at(first, Landed.WHOLE, null, ""));
        out.add(w.at(second, Landed.WHOLE, null, ""));
        return;
      }
      int at = v.indexOf(s.separator());
      if (at < 0) {
        out.add(w);
        return;
      }
      out.add(w.at(first, Landed.WHOLE, v.substring(0, at), ""));
      out.add(w.at(second, Landed.WHOLE, v.substring(at + 1), ""));
    }
  }

  /** The lenses read new to old. */
  private static final class Backward {
    static void apply(Lens lens, Landed w, List<Landed> out) {
      if (lens instanceof Lens.Rename r) {
        out.add(w.at(rebind(r.to(), r.from(), w.key()), w.part(), w.value(), w.separator()));
      } else if (lens instanceof Lens.Split s) {
        boolean first = s.first().match(w.key()) != null;
        Key joined = rebind(first ? s.first() : s.second(), s.from(), w.key());
        out.add(w.at(joined, first ? 0 : 1, w.value(), s.separator()));
      } else if (lens instanceof Lens.Convert c) {
        out.add(convert(w, c, false));
      }
      // Add: the old version has no such field.
    }
  }

  private static Landed convert(Landed w, Lens.Convert c, boolean forward) {
    String v = w.value();
    if (v == null) {
      return w;
    }
    String converted =
        (forward
                ? Conversion.convert(c.from(), c.to(), v)
                : Conversion.convert(c.to(), c.from(), v))
            .orElse(v);
    return w.at(w.key(), w.part(), converted, w.separator());
  }

  private static Key rebind(KeyPattern from, KeyPattern to, Key key) {
    Map<String, String> b = from.match(key);
    if (b == null) {
      throw new IllegalStateException("key " + key + " does not match " + from);
    }
    return to.bind(b);
  }
}
