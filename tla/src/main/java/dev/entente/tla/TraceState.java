package dev.entente.tla;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One state of a TLC counterexample. Immutable.
 *
 * @param number the state's position in the trace, from 1
 * @param action the name of the action that produced the state: {@code "Initial predicate"} for the
 *     first state, {@code "Stuttering"} for a stuttering step that ends a liveness trace, otherwise
 *     the action's operator name (for example {@code "Write"})
 * @param variables each variable's value as TLC printed it, on one line, in TLC's order
 */
public record TraceState(int number, String action, Map<String, String> variables) {
  /** Validates and copies; the map keeps its iteration order. */
  public TraceState {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(variables, "variables");
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }
}
