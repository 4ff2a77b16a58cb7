package dev.entente.histories.linearizability;

import dev.entente.model.check.Operation;
import dev.entente.model.check.SequentialModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's states numbered densely from 0 (equal states share one number) and its transitions
 * remembered: the search steps the same operation from the same state in many configurations, and
 * the model (which may copy maps and parse values) is asked only once per (state, operation). Sound
 * because models are pure functions of (state, operation). Single-threaded.
 *
 * @param <S> the model's state type
 */
final class ModelSteps<S> {
  private static final int[] NONE = new int[0];

  private final SequentialModel<S> model;
  private final List<Operation> ops;
  private final Map<S, Integer> ids = new HashMap<>();
  private final List<S> states = new ArrayList<>();
  private final Map<Long, int[]> transitions = new HashMap<>();

  ModelSteps(SequentialModel<S> model, List<Operation> ops) {
    this.model = model;
    this.ops = ops;
    id(model.initialState());
  }

  /** The initial state's number. */
  int initial() {
    return 0;
  }

  /** The numbers of the states operation {@code op} may lead to from state number {@code state}. */
  int[] after(int state, int op) {
    long key = ((long) state << 32) | op;
    int[] known = transitions.get(key);
    if (known != null) {
      return known;
    }
    List<S> next = model.step(states.get(state), ops.get(op));
    int[] out = next.isEmpty() ? NONE : new int[next.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = id(next.get(i));
    }
    transitions.put(key, out);
    return out;
  }

  /** The state numbered {@code id}. */
  S state(int id) {
    return states.get(id);
  }

  /** The model's rendering of the state numbered {@code id}. */
  String describe(int id) {
    return model.describe(states.get(id));
  }

  private int id(S s) {
    Integer known = ids.get(s);
    if (known != null) {
      return known;
    }
    ids.put(s, states.size());
    states.add(s);
    return states.size() - 1;
  }
}
