package dev.entente.impl.schema;

/** A local write that its own schema version refuses; the message names the key and the rule. */
public final class SchemaViolation extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** A refusal described by {@code message}. */
  public SchemaViolation(String message) {
    super(message);
  }
}
