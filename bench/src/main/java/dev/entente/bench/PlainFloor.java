package dev.entente.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The floor of the peers benchmark: a last-writer-wins map written here in the plainest Java, a
 * {@link HashMap} from key to register plus a hybrid logical clock packed into one {@code long}
 * (physical milliseconds shifted left 16 bits, the low 16 bits a counter). No change objects, no
 * log, no version vectors: what any LWW map must at least do. Mutable, not thread-safe.
 */
final class PlainFloor {
  /** One key's register: its packed stamp, the writer (the tie-break) and the value. */
  record Register(long stamp, int writer, String value) {
    boolean beats(Register other) {
      return stamp != other.stamp ? stamp > other.stamp : writer > other.writer;
    }
  }

  final Map<String, Register> registers;
  private final int writer;
  private final LongSupplier physicalMillis;
  private long last;

  PlainFloor(int writer, LongSupplier physicalMillis) {
    this(writer, physicalMillis, new HashMap<>());
  }

  private PlainFloor(int writer, LongSupplier physicalMillis, Map<String, Register> registers) {
    this.writer = writer;
    this.physicalMillis = physicalMillis;
    this.registers = registers;
  }

  /** A floor on the real clock. */
  static PlainFloor onSystemClock(int writer) {
    return new PlainFloor(writer, System::currentTimeMillis);
  }

  /** An independent copy with the same registers and clock position. */
  PlainFloor copy() {
    PlainFloor c = new PlainFloor(writer, physicalMillis, new HashMap<>(registers));
    c.last = last;
    return c;
  }

  /** The packed HLC: the physical time if it moved past the last stamp, else the last plus one. */
  long now() {
    long physical = physicalMillis.getAsLong() << 16;
    last = physical > last ? physical : last + 1;
    return last;
  }

  /** Writes {@code value} under {@code key} at a fresh stamp. */
  void put(String key, String value) {
    registers.put(key, new Register(now(), writer, value));
  }

  /** Writes the ops {@code [from, to)} of {@code keys}/{@code values} under one stamp. */
  void transact(String[] keys, String[] values, int from, int to) {
    long stamp = now();
    for (int n = from; n < to; n++) {
      registers.put(keys[n % keys.length], new Register(stamp, writer, values[n]));
    }
  }

  /** Joins {@code other} into this map: per key the register with the greater stamp. */
  void mergeFrom(PlainFloor other) {
    for (Map.Entry<String, Register> e : other.registers.entrySet()) {
      registers.merge(
          e.getKey(), e.getValue(), (mine, theirs) -> theirs.beats(mine) ? theirs : mine);
    }
    last = Math.max(last, other.last);
  }
}
