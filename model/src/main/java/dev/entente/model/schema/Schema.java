package dev.entente.model.schema;

import dev.entente.model.Check;
import dev.entente.model.Key;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One version of an application's schema: its typed fields and declared invariants. Immutable.
 *
 * @param version 1 for the first version, then consecutive
 */
public record Schema(int version, List<Field> fields, List<Invariant> invariants) {
  /** Validates and copies. */
  public Schema {
    Check.argument(version >= 1, "schema version must be >= 1, was %d", version);
    fields = List.copyOf(fields);
    invariants = List.copyOf(invariants);
  }

  /** The first field whose pattern matches {@code key}, or null if the key is unknown here. */
  public @Nullable Field fieldFor(Key key) {
    for (Field f : fields) {
      if (f.pattern().match(key) != null) {
        return f;
      }
    }
    return null;
  }

  /** The field with exactly this pattern, or null. */
  public @Nullable Field field(KeyPattern pattern) {
    for (Field f : fields) {
      if (f.pattern().equals(pattern)) {
        return f;
      }
    }
    return null;
  }
}
