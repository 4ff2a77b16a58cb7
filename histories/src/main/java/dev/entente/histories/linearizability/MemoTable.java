package dev.entente.histories.linearizability;

import java.util.Arrays;

/**
 * The set of (linearized set, state) configurations a search has already explored, as one
 * open-addressing hash table over flat arrays: each entry is the linearized set's bitset words
 * copied into one pool, its state id and its hash. No per-entry objects, so a search with millions
 * of configurations costs words, not headers. Single-threaded.
 */
final class MemoTable {
  private static final int FIRST_CAPACITY = 1 << 10;

  private final int words;
  private long[] pool;
  private int[] stateOf;
  private int[] hashOf;
  private int[] slots;
  private int size;

  /** A table for bitsets of {@code words} longs. */
  MemoTable(int words) {
    this.words = Math.max(words, 1);
    this.pool = new long[FIRST_CAPACITY * this.words];
    this.stateOf = new int[FIRST_CAPACITY];
    this.hashOf = new int[FIRST_CAPACITY];
    this.slots = new int[FIRST_CAPACITY * 2];
  }

  /** Adds ({@code bits}, {@code state}) with hash {@code hash}; false if it was already there. */
  boolean add(long[] bits, int state, int hash) {
    int mask = slots.length - 1;
    int slot = hash & mask;
    while (true) {
      int entry = slots[slot] - 1;
      if (entry < 0) {
        insert(slot, bits, state, hash);
        return true;
      }
      if (hashOf[entry] == hash && stateOf[entry] == state && sameBits(entry, bits)) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The number of configurations stored. */
  int size() {
    return size;
  }

  private boolean sameBits(int entry, long[] bits) {
    int base = entry * words;
    for (int i = 0; i < words; i++) {
      if (pool[base + i] != bits[i]) {
        return false;
      }
    }
    return true;
  }

  private void insert(int slot, long[] bits, int state, int hash) {
    if (size == stateOf.length) {
      int capacity = size * 2;
      pool = Arrays.copyOf(pool, capacity * words);
      stateOf = Arrays.copyOf(stateOf, capacity);
      hashOf = Arrays.copyOf(hashOf, capacity);
    }
    System.arraycopy(bits, 0, pool, size * words, words);
    stateOf[size] = state;
    hashOf[size] = hash;
    slots[slot] = ++size;
    if (size * 2 > slots.length) {
      rehash(slots.length * 2);
    }
  }

  private void rehash(int capacity) {
    int[] fresh = new int[capacity];
    int mask = capacity - 1;
    for (int entry = 0; entry < size; entry++) {
      int slot = hashOf[entry] & mask;
      while (fresh[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      fresh[slot] = entry + 1;
    }
    slots = fresh;
  }
}
