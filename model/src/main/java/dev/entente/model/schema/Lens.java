package dev.entente.model.schema;

import dev.entente.model.Check;

/**
 * One migration between consecutive schema versions, read forward (old to new) and backward. Each
 * kind states whether it is invertible: whether translating a valid write forward then back (and
 * back then forward) gives it back. A lossy lens is allowed only in a step declared lossy. The
 * lenses are data; {@code impl}'s translator and {@link SchemaOracle} each interpret them.
 */
public sealed interface Lens permits Lens.Add, Lens.Remove, Lens.Rename, Lens.Split, Lens.Convert {
  /** True if translating forward then backward, or backward then forward, loses nothing. */
  boolean invertible();

  /** The lens kind's name in schema files. */
  String kind();

  /**
   * A new field with a default: the old version cannot see it (writes to it translate to nothing
   * going back), so the lens is lossy. The new version reads {@code defaultValue} where an entity
   * exists but the field was never written.
   */
  record Add(KeyPattern pattern, FieldType type, String defaultValue) implements Lens {
    /** Validates that the default is a value of the type. */
    public Add {
      Check.argument(pattern != null && type != null, "add needs a pattern and a type");
      Check.argument(
          defaultValue != null && type.admits(defaultValue),
          "add %s: default '%s' is not a %s",
          pattern,
          defaultValue,
          type);
    }

    @Override
    public boolean invertible() {
      return false;
    }

    @Override
    public String kind() {
      return "add";
    }
  }

  /** A field the new version drops: its writes translate to nothing going forward. Lossy. */
  record Remove(KeyPattern pattern) implements Lens {
    /** Validates the pattern. */
    public Remove {
      Check.argument(pattern != null, "remove needs a pattern");
    }

    @Override
    public boolean invertible() {
      return false;
    }

    @Override
    public String kind() {
      return "remove";
    }
  }

  /** Keys matching {@code from} are called {@code to} in the new version. Invertible. */
  record Rename(KeyPattern from, KeyPattern to) implements Lens {
    /** Validates that both patterns bind the same placeholders. */
    public Rename {
      Check.argument(from != null && to != null, "rename needs two patterns");
      Check.argument(
          from.placeholders().equals(to.placeholders()),
          "rename %s -> %s: both must bind the same placeholders",
          from,
          to);
    }

    @Override
    public boolean invertible() {
      return true;
    }

    @Override
    public String kind() {
      return "rename";
    }
  }

  /**
   * One key whose value is {@code <first><separator><second>} becomes two keys; backward the two
   * are joined again. Invertible on values that contain the separator, when the first part's type
   * cannot contain it (the type checker insists).
   */
  record Split(KeyPattern from, KeyPattern first, KeyPattern second, String separator)
      implements Lens {
    /** Validates the patterns and the separator. */
    public Split {
      Check.argument(from != null && first != null && second != null, "split needs 3 patterns");
      Check.argument(
          separator != null && separator.length() == 1 && !"@/".contains(separator),
          "split %s: separator must be one character other than @ and /",
          from);
      Check.argument(
          from.placeholders().equals(first.placeholders())
              && from.placeholders().equals(second.placeholders()),
          "split %s: all three patterns must bind the same placeholders",
          from);
    }

    @Override
    public boolean invertible() {
      return true;
    }

    @Override
    public String kind() {
      return "split";
    }
  }

  /** The field keeps its key and changes type by a {@link Conversion}. */
  record Convert(KeyPattern pattern, FieldType from, FieldType to) implements Lens {
    /** Validates the parts. */
    public Convert {
      Check.argument(pattern != null && from != null && to != null, "convert needs 3 parts");
      Check.argument(from != to, "convert %s: from and to are both %s", pattern, from);
    }

    @Override
    public boolean invertible() {
      return Conversion.invertible(from, to);
    }

    @Override
    public String kind() {
      return "convert";
    }
  }
}
