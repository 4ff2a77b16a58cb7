package dev.entente.impl.schema;

import dev.entente.model.schema.Field;
import dev.entente.model.schema.FieldType;
import dev.entente.model.schema.Invariant;
import dev.entente.model.schema.KeyPattern;
import dev.entente.model.schema.Lens;
import dev.entente.model.schema.LensStep;
import dev.entente.model.schema.Schema;
import dev.entente.model.schema.SchemaChain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Type-checks a schema chain: applying each step's lenses to the old version's fields must give
 * exactly the new version's fields and types; every lens reads a field that exists (an added field
 * must not); a split's source is a string, its first part of a type that cannot contain the
 * separator; a conversion starts from the field's type; a step with a lossy lens is declared lossy;
 * invariants compare two fields of one numeric type. Stateless.
 */
public final class LensChecker {
  private static final String TAG_CHARACTERS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-:@";

  private LensChecker() {}

  /**
   * A refusal: lens {@code lens} (0-based; -1 for the step or version as a whole) of step {@code
   * step} (1-based; 0 for a version's invariants).
   */
  public record Problem(int step, int lens, String message) {}

  /** Every problem of {@code chain}, in file order; empty if it type-checks. */
  public static List<Problem> check(SchemaChain chain) {
    List<Problem> out = new ArrayList<>();
    for (Schema s : chain.versions()) {
      invariants(s, out);
    }
    for (LensStep step : chain.steps()) {
      step(chain.at(step.from()), chain.at(step.from() + 1), step, out);
    }
    return out;
  }

  private static void invariants(Schema s, List<Problem> out) {
    for (Invariant i : s.invariants()) {
      Field l = s.field(i.left());
      Field r = s.field(i.right());
      if (l == null || r == null) {
        out.add(
            new Problem(0, -1, "version " + s.version() + " invariant " + i + " names no field"));
      } else if (l.type() != r.type() || l.type() == FieldType.STRING) {
        out.add(
            new Problem(
                0, -1, "version " + s.version() + " invariant " + i + " needs one numeric type"));
      }
    }
  }

  private static void step(Schema old, Schema next, LensStep step, List<Problem> out) {
    Map<KeyPattern, FieldType> produced = new LinkedHashMap<>();
    List<KeyPattern> consumed = new ArrayList<>();
    for (int i = 0; i < step.lenses().size(); i++) {
      String bad = lens(old, next, step.lenses().get(i), produced, consumed);
      if (bad != null) {
        out.add(new Problem(step.from(), i, bad));
      }
    }
    for (Field f : old.fields()) {
      if (!consumed.contains(f.pattern())) {
        produced.putIfAbsent(f.pattern(), f.type());
      }
    }
    String where = "step " + step.from() + "->" + (step.from() + 1) + ": ";
    produced.forEach(
        (p, t) -> {
          Field f = next.field(p);
          if (f == null || f.type() != t) {
            out.add(
                new Problem(
                    step.from(),
                    -1,
                    where
                        + "the lenses make "
                        + p
                        + ": "
                        + t.fileName()
                        + " but version "
                        + next.version()
                        + " has "
                        + f));
          }
        });
    for (Field f : next.fields()) {
      if (!produced.containsKey(f.pattern())) {
        out.add(new Problem(step.from(), -1, where + "no lens makes " + f));
      }
    }
    if (step.lossy() && !step.declaredLossy()) {
      out.add(new Problem(step.from(), -1, where + "a lens is lossy; declare \"lossy\": true"));
    }
  }

  /** Applies one lens to the fields; returns why it does not type-check, or null. */
  private static @Nullable String lens(
      Schema old,
      Schema next,
      Lens lens,
      Map<KeyPattern, FieldType> produced,
      List<KeyPattern> consumed) {
    if (lens instanceof Lens.Add a) {
      if (old.field(a.pattern()) != null) {
        return "add " + a.pattern() + ": version " + old.version() + " already has it";
      }
      produced.put(a.pattern(), a.type());
      return null;
    }
    KeyPattern source = source(lens);
    Field f = old.field(source);
    if (f == null) {
      return lens.kind() + " " + source + ": version " + old.version() + " has no such field";
    }
    consumed.add(source);
    if (lens instanceof Lens.Rename r) {
      produced.put(r.to(), f.type());
    } else if (lens instanceof Lens.Convert c) {
      if (c.from() != f.type()) {
        return "convert " + source + ": the field is " + f.type().fileName() + ", not " + c.from();
      }
      produced.put(c.pattern(), c.to());
    } else if (lens instanceof Lens.Split s) {
      return split(s, f, next, produced);
    }
    return null;
  }

  private static @Nullable String split(
      Lens.Split s, Field f, Schema next, Map<KeyPattern, FieldType> produced) {
    if (f.type() != FieldType.STRING) {
      return "split " + s.from() + ": only a string field can be split";
    }
    if (TAG_CHARACTERS.contains(s.separator())) {
      return "split " + s.from() + ": separator '" + s.separator() + "' can occur in a value";
    }
    Field first = next.field(s.first());
    Field second = next.field(s.second());
    if (first == null || second == null) {
      return "split " + s.from() + ": version " + next.version() + " lacks a part";
    }
    if (first.type() == FieldType.STRING) {
      // Joining then splitting at the first separator gives the parts back only if the first
      // part cannot contain the separator: a string could.
      return "split " + s.from() + ": the first part must not be a string";
    }
    produced.put(s.first(), first.type());
    produced.put(s.second(), second.type());
    return null;
  }

  private static KeyPattern source(Lens lens) {
    if (lens instanceof Lens.Rename r) {
      return r.from();
    } else if (lens instanceof Lens.Convert c) {
      return c.pattern();
    } else if (lens instanceof Lens.Split s) {
      return s.from();
    }
    return ((Lens.Remove) lens).pattern();
  }
}
