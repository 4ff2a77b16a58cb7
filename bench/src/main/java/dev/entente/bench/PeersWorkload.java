package dev.entente.bench;

import dev.entente.impl.Replica;
import dev.entente.impl.ReplicaState;
import dev.entente.impl.clock.HybridLogicalClock;
import dev.entente.impl.clock.SystemPhysicalClock;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;

/**
 * The workload of issue 13, exactly, so that the figures compare with the peers': key {@code i} is
 * {@code "k" + i} for {@code i < }{@value #KEYS}; op {@code n} writes key {@code n mod KEYS} with
 * value {@code n} (side B's values offset by {@value #B_OFFSET}). The keys and values every
 * contestant writes are built once, outside the measurement, so no contestant is charged for
 * formatting numbers. Immutable after construction; thread-safe.
 */
final class PeersWorkload {
  /** Distinct keys. */
  static final int KEYS = 10_000;

  /** Puts in work (a). */
  static final int PUTS = 100_000;

  /** Ops per transaction in work (a), transactional variant. */
  static final int TX_OPS = 1_000;

  /** Writes each side makes in work (b). */
  static final int MERGE_WRITES = 50_000;

  /** Added to side B's values in work (b). */
  static final long B_OFFSET = 1_000_000;

  static final ReplicaId A = ReplicaId.of("A");
  static final ReplicaId B = ReplicaId.of("B");
  static final ReplicaId RECEIVER = ReplicaId.of("R");

  final int keys;
  final int puts;
  final String[] keyNames;
  final Key[] ententeKeys;
  final String[] values;
  final Value[] ententeValues;

  /** The issue's sizes. */
  PeersWorkload() {
    this(KEYS, PUTS);
  }

  /** Smaller sizes, for the unit test that checks the work is done. */
  PeersWorkload(int keys, int puts) {
    this.keys = keys;
    this.puts = puts;
    keyNames = new String[keys];
    ententeKeys = new Key[keys];
    for (int i = 0; i < keys; i++) {
      keyNames[i] = "k" + i;
      ententeKeys[i] = Key.of(keyNames[i]);
    }
    values = new String[puts];
    ententeValues = new Value[puts];
    for (int n = 0; n < puts; n++) {
      values[n] = Long.toString(n);
      ententeValues[n] = Value.of(values[n]);
    }
  }

  /** The writes of work (b) per side: half the puts of work (a). */
  int mergeWrites() {
    return puts / 2;
  }

  /** Side B's value for op {@code n} of work (b). */
  static String valueB(int n) {
    return Long.toString(n + B_OFFSET);
  }

  /** The frozen wall time of a side's clock in work (b): B's stands 1 ms ahead of A's. */
  static long sideWallMillis(boolean sideB) {
    return Fixtures.BASE_WALL_MILLIS + (sideB ? 1 : 0);
  }

  /** A replica on the real clock, as a device runs it. */
  static Replica device(ReplicaId id, RegisterPolicy policy) {
    return Replica.create(
        id,
        policy,
        KeyGroups.singletons(),
        HybridLogicalClock.unbounded(SystemPhysicalClock.INSTANCE));
  }

  /**
   * One side's state for work (b): {@code writes} puts made through {@code Replica.put} on a clock
   * frozen at {@link #sideWallMillis} (so the build is deterministic; the HLC counter orders them).
   */
  ReplicaState sideState(ReplicaId side, RegisterPolicy policy, boolean offset) {
    Replica r =
        Replica.create(
            side,
            policy,
            KeyGroups.singletons(),
            HybridLogicalClock.unbounded(() -> sideWallMillis(offset)));
    for (int n = 0; n < mergeWrites(); n++) {
      Value v = offset ? Value.of(valueB(n)) : ententeValues[n];
      r.put(ententeKeys[n % keys], v);
    }
    return r.state();
  }
}
