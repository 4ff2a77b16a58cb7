package dev.entente.model.check;

/**
 * A checker's answer. Verdicts compose by severity: {@link #INVALID} beats {@link #UNKNOWN} beats
 * {@link #VALID}, so a composite is valid only if every part is.
 */
public enum Verdict {
  VALID,
  UNKNOWN,
  INVALID;

  /** The more severe of the two verdicts. */
  public Verdict and(Verdict other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
