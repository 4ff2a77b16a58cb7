package dev.entente.bench;

import dev.entente.impl.LwwMap;
import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Key;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import java.util.List;

/**
 * Deterministic inputs shared by the benchmarks: changes, keys and timestamps built from indices
 * only, never from randomness or the real clock, so that every run measures the same work.
 * Stateless and thread-safe.
 */
final class Fixtures {
  /** A fixed wall time (2023-11-14) from which fixture timestamps count up. */
  static final long BASE_WALL_MILLIS = 1_700_000_000_000L;

  /** Every {@code DELETE_EVERY}-th change of a put/delete workload is a delete. */
  static final int DELETE_EVERY = 10;

  private Fixtures() {}

  /** The key of index {@code i} under {@code prefix}: {@code prefix/i}. */
  static Key key(String prefix, int i) {
    return Key.of(prefix + "/" + i);
  }

  /**
   * A timestamp that strictly increases with {@code i}: the logical counter runs through its 16
   * bits before the wall advances, as a busy HLC would.
   */
  static HlcTimestamp timestamp(long i) {
    return new HlcTimestamp(
        BASE_WALL_MILLIS + i / (HlcTimestamp.MAX_LOGICAL + 1),
        (int) (i % (HlcTimestamp.MAX_LOGICAL + 1)));
  }

  /**
   * {@code n} single-op changes by {@code author}, seq 1..n, one per distinct key {@code prefix/i},
   * with increasing timestamps; every {@link #DELETE_EVERY}-th is a delete (of a key never put,
   * which still leaves a tombstone, as when a delete overtakes its put).
   */
  static Change[] putDeleteWorkload(ReplicaId author, String prefix, int n) {
    Change[] changes = new Change[n];
    Value value = Value.of("value-of-moderate-length");
    for (int i = 0; i < n; i++) {
      Op op =
          (i % DELETE_EVERY == DELETE_EVERY - 1)
              ? new Op.Delete(key(prefix, i))
              : new Op.Put(key(prefix, i), value);
      changes[i] = new Change(author, i + 1L, timestamp(i), VersionVector.EMPTY, List.of(op));
    }
    return changes;
  }

  /**
   * An LWW map holding one put per key {@code prefix/0 .. prefix/n-1}, made by {@code author}, with
   * value {@code author-i} and wall time {@link #wallMillis wallMillis(i, alternateWinner)}.
   */
  static LwwMap lwwMap(ReplicaId author, String prefix, int n, boolean alternateWinner) {
    LwwMap map = new LwwMap();
    for (int i = 0; i < n; i++) {
      Op op = new Op.Put(key(prefix, i), Value.of(author.value() + "-" + i));
      HlcTimestamp ts = new HlcTimestamp(wallMillis(i, alternateWinner), 0);
      map.apply(new Change(author, i + 1L, ts, VersionVector.EMPTY, List.of(op)));
    }
    return map;
  }

  /**
   * The wall time of key {@code i}: {@code BASE + 2i} for one side, one more (odd keys) or one less
   * (even keys) for the {@code alternateWinner} side, which so wins exactly the odd keys when both
   * sides write the same keys. Shared with the peers' fixtures so that every contestant resolves
   * the same conflicts the same way.
   */
  static long wallMillis(int i, boolean alternateWinner) {
    return BASE_WALL_MILLIS + 2L * i + (alternateWinner ? overlapOffset(i) : 0);
  }

  /** +1 for odd {@code i}, -1 for even: the alternating side wins odd keys and loses even ones. */
  static int overlapOffset(int i) {
    return (i & 1) == 1 ? 1 : -1;
  }
}
