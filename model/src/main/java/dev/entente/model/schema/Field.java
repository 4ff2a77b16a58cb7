package dev.entente.model.schema;

import dev.entente.model.Check;

/**
 * One typed key pattern of a schema, such as {@code event/{id}/start: minute}. Immutable.
 *
 * @param pattern the keys this field covers
 * @param type the type their values have
 */
public record Field(KeyPattern pattern, FieldType type) {
  /** Validates that neither part is null. */
  public Field {
    Check.argument(pattern != null && type != null, "field pattern and type must not be null");
  }

  @Override
  public String toString() {
    return pattern + ": " + type.fileName();
  }
}
