package dev.entente.impl.schema;

/**
 * A schema file that does not parse, or a chain whose lenses do not type-check: the message names
 * the source and the line. Thrown by {@link SchemaFile}.
 */
public final class SchemaException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int line;

  /** A problem at {@code line} (1-based; 0 if unknown) of {@code source}. */
  public SchemaException(String source, int line, String message) {
    super(source + ":" + line + ": " + message);
    this.line = line;
  }

  /** The 1-based line of the problem, or 0. */
  public int line() {
    return line;
  }
}
