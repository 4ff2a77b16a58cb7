package dev.entente.tla;

/** How a TLC run ended. */
public enum TlcOutcome {
  /** The state space was explored and every invariant and property held. */
  PASSED,
  /** A state invariant was violated; {@link TlcResult#violated()} names it. */
  INVARIANT_VIOLATED,
  /**
   * A temporal or action property was violated; {@link TlcResult#violated()} names it if TLC did.
   */
  PROPERTY_VIOLATED,
  /** A reachable state has no successor and the model checks for deadlock. */
  DEADLOCK,
  /** TLC failed: a parse or semantic error, an evaluation error, or an unexpected exit. */
  ERROR,
  /** The run exceeded its time limit and was stopped. */
  TIMEOUT
}
