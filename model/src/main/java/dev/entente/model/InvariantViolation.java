package dev.entente.model;

/**
 * An internal invariant does not hold: this is a bug in Entente (or a deliberately broken mutant),
 * never the caller's fault. The message says which invariant broke and with which values.
 */
public final class InvariantViolation extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates a violation with a message that names the invariant and the values involved. */
  public InvariantViolation(String message) {
    super(message);
  }
}
