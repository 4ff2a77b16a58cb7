package dev.entente.simulations.broken;

import dev.entente.impl.schema.Defaults;
import dev.entente.impl.schema.Landed;
import dev.entente.impl.schema.SchemaViews;
import dev.entente.impl.schema.Translator;
import dev.entente.model.Change;
import dev.entente.model.Key;
import dev.entente.model.Value;
import dev.entente.model.schema.KeyPattern;
import dev.entente.model.schema.Lens;
import dev.entente.model.schema.LensStep;
import dev.entente.model.schema.SchemaChain;
import dev.entente.model.schema.VersionedView;
import dev.entente.simulations.schema.ViewReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Broken on purpose: schema views built from impl's parts with one flaw each. Stateless.
 *
 * <ul>
 *   <li>{@link Flaw#RENAME_TWICE}: after translation, each key goes once more through one flat
 *       table of every rename in the chain, so a renamed key is renamed again by the next rename.
 *   <li>{@link Flaw#TRANSLATE_AFTER_MERGE}: registers are resolved on the keys as written, and the
 *       winners translated afterwards; where an old and a new name land on one key, the last in key
 *       order wins instead of the last writer.
 *   <li>{@link Flaw#DEFAULT_BY_ARRIVAL}: an added field's default is tagged with the author of the
 *       first change this replica delivered for the entity, so it depends on arrival order.
 * </ul>
 */
public final class BrokenSchemaViews implements ViewReader {
  /** The flaws. */
  public enum Flaw {
    RENAME_TWICE,
    TRANSLATE_AFTER_MERGE,
    DEFAULT_BY_ARRIVAL
  }

  private final Flaw flaw;

  /** Views with {@code flaw}. */
  public BrokenSchemaViews(Flaw flaw) {
    this.flaw = flaw;
  }

  @Override
  public VersionedView read(SchemaChain chain, List<Change> log, int version) {
    Translator t = new Translator(chain);
    Map<String, Landed> winners =
        flaw == Flaw.TRANSLATE_AFTER_MERGE
            ? translateWinners(t, log, version)
            : SchemaViews.resolve(translated(t, log, version));
    TreeMap<Key, Value> known = new TreeMap<>();
    TreeMap<Key, Value> opaque = new TreeMap<>();
    SchemaViews.assemble(chain.at(version), winners, known, opaque);
    if (flaw == Flaw.DEFAULT_BY_ARRIVAL) {
      arrivalDefaults(chain, log, version, known, opaque);
    } else {
      new Defaults(chain).fill(version, known, opaque);
    }
    return new VersionedView(version, known, opaque);
  }

  private List<Landed> translated(Translator t, List<Change> log, int version) {
    List<Landed> all = new ArrayList<>();
    for (Change c : log) {
      for (Landed w : t.translate(c, version)) {
        all.add(flaw == Flaw.RENAME_TWICE ? renameAgain(t.chain(), w) : w);
      }
    }
    return all;
  }

  private static Landed renameAgain(SchemaChain chain, Landed w) {
    for (LensStep step : chain.steps()) {
      for (Lens lens : step.lenses()) {
        if (lens instanceof Lens.Rename r) {
          Map<String, String> b = r.from().match(w.key());
          if (b != null) {
            return w.at(r.to().bind(b), w.part(), w.value(), w.separator());
          }
        }
      }
    }
    return w;
  }

  private static Map<String, Landed> translateWinners(Translator t, List<Change> log, int version) {
    List<Landed> raw = new ArrayList<>();
    for (Change c : log) {
      int own = Math.max(1, Math.min(c.schemaVersion(), t.chain().latest()));
      raw.addAll(t.translate(c, c.schemaVersion() == Change.NO_SCHEMA ? version : own));
    }
    Map<String, Landed> out = new LinkedHashMap<>();
    for (Landed w : new TreeMap<>(SchemaViews.resolve(raw)).values()) {
      Change single = w.change().withOps(List.of(w.change().ops().get(w.position())));
      for (Landed moved : t.translate(single, version)) {
        out.put(moved.register(), moved);
      }
    }
    return out;
  }

  private static void arrivalDefaults(
      SchemaChain chain,
      List<Change> log,
      int version,
      Map<Key, Value> known,
      Map<Key, Value> opaque) {
    for (Lens.Add a : new Defaults(chain).liveAt(version)) {
      for (Map<String, String> b :
          Defaults.entities(chain.at(version), a.pattern(), known.keySet())) {
        Key key = a.pattern().bind(b);
        if (!known.containsKey(key) && !opaque.containsKey(key)) {
          known.put(key, Value.of(a.defaultValue() + "@" + firstAuthor(log, a.pattern(), b)));
        }
      }
    }
  }

  private static String firstAuthor(List<Change> log, KeyPattern p, Map<String, String> b) {
    String key = p.bind(b).value();
    String prefix = key.substring(0, key.lastIndexOf('/') + 1);
    for (Change c : log) {
      if (c.ops().stream().anyMatch(op -> op.key().value().startsWith(prefix))) {
        return c.author().value();
      }
    }
    return "nobody";
  }
}
