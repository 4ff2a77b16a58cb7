package dev.entente.impl.schema;

import dev.entente.model.Key;
import dev.entente.model.Value;
import dev.entente.model.schema.Conversion;
import dev.entente.model.schema.Field;
import dev.entente.model.schema.KeyPattern;
import dev.entente.model.schema.Lens;
import dev.entente.model.schema.Schema;
import dev.entente.model.schema.SchemaChain;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The defaults of added fields as a reader at one version sees them: the field's default, carried
 * through later renames and conversions (a later remove or split ends it), wherever the entity
 * ({@code event/{id}} for {@code event/{id}/color}) has some known field and the added field is
 * neither known nor opaque. A pure function of the chain and the view, never of arrival order.
 * Immutable; thread-safe.
 */
public final class Defaults {
  private final SchemaChain chain;

  /** The defaults of {@code chain}'s add lenses. */
  public Defaults(SchemaChain chain) {
    this.chain = chain;
  }

  /** The added fields live at {@code version}, as they are called and typed there. */
  public List<Lens.Add> liveAt(int version) {
    List<Lens.Add> out = new ArrayList<>();
    for (int v = 1; v < version; v++) {
      for (Lens lens : chain.stepFrom(v).lenses()) {
        if (lens instanceof Lens.Add a) {
          Lens.Add carried = carry(a, v + 1, version);
          if (carried != null) {
            out.add(carried);
          }
        }
      }
    }
    return out;
  }

  /** Fills the defaults into {@code known}; returns the keys it filled. */
  public Set<Key> fill(int version, Map<Key, Value> known, Map<Key, Value> opaque) {
    Set<Key> filled = new LinkedHashSet<>();
    Schema schema = chain.at(version);
    for (Lens.Add a : liveAt(version)) {
      for (Map<String, String> b : entities(schema, a.pattern(), known.keySet())) {
        Key key = a.pattern().bind(b);
        if (!known.containsKey(key) && !opaque.containsKey(key)) {
          known.put(key, Value.of(a.defaultValue()));
          filled.add(key);
        }
      }
    }
    return filled;
  }

  /** The bindings of the entities of {@code pattern} that have a known field. */
  public static Set<Map<String, String>> entities(
      Schema schema, KeyPattern pattern, Set<Key> known) {
    String entity = entity(pattern);
    Set<Map<String, String>> out = new LinkedHashSet<>();
    for (Key k : known) {
      Field f = schema.fieldFor(k);
      if (f != null && entity(f.pattern()).equals(entity)) {
        Map<String, String> b = f.pattern().match(k);
        if (b != null) {
          out.add(b);
        }
      }
    }
    return out;
  }

  private static String entity(KeyPattern p) {
    int slash = p.text().lastIndexOf('/');
    return slash < 0 ? "" : p.text().substring(0, slash);
  }

  private Lens.@Nullable Add carry(Lens.Add added, int from, int version) {
    Lens.Add a = added;
    for (int v = from; v < version; v++) {
      for (Lens lens : chain.stepFrom(v).lenses()) {
        if (lens instanceof Lens.Rename r && r.from().equals(a.pattern())) {
          a = new Lens.Add(r.to(), a.type(), a.defaultValue());
        } else if (lens instanceof Lens.Convert c && c.pattern().equals(a.pattern())) {
          String d = Conversion.convert(c.from(), c.to(), a.defaultValue()).orElse(null);
          if (d == null) {
            return null;
          }
          a = new Lens.Add(a.pattern(), c.to(), d);
        } else if (lens instanceof Lens.Remove r && r.pattern().equals(a.pattern())) {
          return null;
        } else if (lens instanceof Lens.Split s && s.from().equals(a.pattern())) {
          return null;
        }
      }
    }
    return a;
  }
}
