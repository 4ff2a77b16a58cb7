package dev.entente.histories.linearizability;

import dev.entente.model.check.Operation;
import dev.entente.model.check.SequentialModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
  private static final long TRIAL_LOOKUPS = 1 << 13;

  private final SequentialModel<S> model;
  private final List<Operation> ops;
  // States by number, and their numbers in an open-addressing table of (number + 1), 0 empty, with
  // each state's spread hash kept so that a lookup or a rehash never asks a state for it twice.
  private final List<S> states = new ArrayList<>();
  private int[] hashes = new int[1 << 10];
  private int[] idSlots = new int[1 << 11];
  // Transitions by (state, op) in one open-addressing table: keys and values side by side.
  private long[] keys = new long[1 << 10];
  private int[][] values = new int[1 << 10][];
  private int size;
  // The table pays only when transitions repeat (few states, as in a register); when most lookups
  // in a window of TRIAL_LOOKUPS miss (a growing string, as in kv appends) it is dropped. Judged
  // per window, not once: a kv key can hit early (reads while the value is short) and then miss
  // on most of its hundreds of thousands of later steps, filling the table for nothing.
  private long lookups;
  private int sizeAtWindowStart;
  private boolean remembering = true;

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
    if (!remembering) {
      return fresh(state, op);
    }
    if (++lookups % TRIAL_LOOKUPS == 0) {
      if ((size - sizeAtWindowStart) * 2L > TRIAL_LOOKUPS) {
        remembering = false;
        keys = new long[0];
        values = new int[0][];
        return fresh(state, op);
      }
      sizeAtWindowStart = size;
    }
    // Stored as key + 1 so that 0 marks an empty slot.
    long key = (((long) state << 32) | op) + 1;
    int mask = keys.length - 1;
    int slot = spread(key) & mask;
    while (keys[slot] != 0) {
      if (keys[slot] == key) {
        return values[slot];
      }
      slot = (slot + 1) & mask;
    }
    int[] out = fresh(state, op);
    keys[slot] = key;
    values[slot] = out;
    if (++size * 2 > keys.length) {
      grow();
    }
    return out;
  }

  @SuppressWarnings("ReferenceEquality") // The very state object: its number needs no lookup.
  private int[] fresh(int state, int op) {
    S from = states.get(state);
    List<S> next = model.step(from, ops.get(op));
    int[] out = next.isEmpty() ? NONE : new int[next.size()];
    for (int i = 0; i < out.length; i++) {
      S to = next.get(i);
      // A step that leaves the state as it is (a read) often returns the same object.
      out[i] = to == from ? state : id(to);
    }
    return out;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[][] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2][];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int slot = spread(oldKeys[i]) & mask;
        while (keys[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }

  /** Stafford's mix 13 (as in SplitMix64), folded to an int: neighbouring keys spread apart. */
  private static int spread(long key) {
    long z = key;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return (int) (z ^ (z >>> 31));
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
    int h = spread(s.hashCode());
    int mask = idSlots.length - 1;
    int slot = h & mask;
    for (int at = idSlots[slot]; at != 0; at = idSlots[slot]) {
      if (hashes[at - 1] == h && states.get(at - 1).equals(s)) {
        return at - 1;
      }
      slot = (slot + 1) & mask;
    }
    int id = states.size();
    states.add(s);
    if (id == hashes.length) {
      hashes = Arrays.copyOf(hashes, id * 2);
    }
    hashes[id] = h;
    idSlots[slot] = id + 1;
    if ((id + 1) * 2 > idSlots.length) {
      rehashIds();
    }
    return id;
  }

  private void rehashIds() {
    int[] fresh = new int[idSlots.length * 2];
    int mask = fresh.length - 1;
    for (int id = 0; id < states.size(); id++) {
      int slot = hashes[id] & mask;
      while (fresh[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      fresh[slot] = id + 1;
    }
    idSlots = fresh;
  }
}
