package dev.entente.histories.interchange;

/**
 * A line of JSON that is not a valid change. The message is the precise reason, written for the
 * person who produced the line (for example {@code "seq" must be a positive integer, was -1}); it
 * never contains a stack trace or parser internals.
 */
public final class ChangeJsonException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String reason;

  /** Creates the exception with the reason the line was refused. */
  public ChangeJsonException(String reason) {
    super(reason);
    this.reason = reason;
  }

  /** The reason the line was refused; the same as {@link #getMessage()}. */
  public String reason() {
    return reason;
  }
}
