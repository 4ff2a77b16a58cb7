package dev.entente.model.history;

/**
 * Jepsen's op types. An {@link #INVOKE} opens an operation; {@link #OK} says it happened, {@link
 * #FAIL} that it certainly did not, and {@link #INFO} that its outcome is unknown (it may take
 * effect at any later point, or never).
 */
public enum OpType {
  INVOKE,
  OK,
  FAIL,
  INFO
}
