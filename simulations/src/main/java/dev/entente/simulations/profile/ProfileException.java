package dev.entente.simulations.profile;

/**
 * A profile file that cannot be used: names the file (or resource), the field as a dotted path such
 * as {@code network.loss} ({@code (file)} for the file as a whole) and what is wrong with it. An
 * {@link IllegalArgumentException}, so callers that report bad options report it too.
 */
public final class ProfileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The file as a whole, when no single field is at fault. */
  public static final String WHOLE_FILE = "(file)";

  private final String source;
  private final String field;

  /** An error in {@code field} of {@code source}. */
  public ProfileException(String source, String field, String problem) {
    super(source + ": field " + field + ": " + problem);
    this.source = source;
    this.field = field;
  }

  /** An error in {@code field} of {@code source}, caused by {@code cause}. */
  public ProfileException(String source, String field, String problem, Throwable cause) {
    super(source + ": field " + field + ": " + problem, cause);
    this.source = source;
    this.field = field;
  }

  /** The file or resource. */
  public String source() {
    return source;
  }

  /** The dotted path of the field at fault, or {@link #WHOLE_FILE}. */
  public String field() {
    return field;
  }
}
