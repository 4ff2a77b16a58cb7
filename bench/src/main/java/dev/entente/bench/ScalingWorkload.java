package dev.entente.bench;

import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Key;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.VersionVector;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The changes {@link ScalingBenchmark} replays, built from indices only. Stateless.
 *
 * <p>{@value #REPLICAS} replicas take turns: change {@code n} (from 0) is made by replica {@code n
 * mod 4} as its change {@code n / 4 + 1}, writes key {@code n mod 1000} with value {@code n} at
 * Lamport time {@code n + 1}, and has seen every change of the rounds before its own. Keys are
 * {@code g<j>/k<i>} with {@code j = i / 100}: 10 causal groups of 100 keys each.
 */
final class ScalingWorkload {
  static final int REPLICAS = 4;
  static final int KEYS = 1000;
  static final int KEYS_PER_GROUP = 100;

  /** The seed of {@link #shuffled}: every run shuffles alike. */
  static final long SHUFFLE_SEED = 13;

  private ScalingWorkload() {}

  /** {@code n} changes in the order they were made (a causal order). */
  static Change[] changes(int n) {
    ReplicaId[] replicas = new ReplicaId[REPLICAS];
    for (int r = 0; r < REPLICAS; r++) {
      replicas[r] = ReplicaId.of("r" + r);
    }
    Key[] keys = new Key[KEYS];
    for (int i = 0; i < KEYS; i++) {
      keys[i] = Key.of("g" + i / KEYS_PER_GROUP + "/k" + i);
    }
    Change[] out = new Change[n];
    VersionVector seen = VersionVector.EMPTY;
    for (int i = 0; i < n; i++) {
      int round = i / REPLICAS;
      if (i % REPLICAS == 0 && round > 0) {
        seen = everyReplicaAt(replicas, round);
      }
      Op op = new Op.Put(keys[i % KEYS], Value.of(Integer.toString(i)));
      out[i] =
          new Change(
              replicas[i % REPLICAS], round + 1L, new HlcTimestamp(i + 1L, 0), seen, List.of(op));
    }
    return out;
  }

  private static VersionVector everyReplicaAt(ReplicaId[] replicas, long counter) {
    Map<ReplicaId, Long> counters = new TreeMap<>();
    for (ReplicaId r : replicas) {
      counters.put(r, counter);
    }
    return VersionVector.of(counters);
  }

  /** A copy of {@code changes} in a pseudo-random order fixed by {@link #SHUFFLE_SEED}. */
  static Change[] shuffled(Change[] changes) {
    Change[] out = changes.clone();
    SplittableRandom random = new SplittableRandom(SHUFFLE_SEED);
    for (int i = out.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Change t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }

  /** A copy of {@code changes}, newest first. */
  static Change[] reversed(Change[] changes) {
    Change[] out = new Change[changes.length];
    for (int i = 0; i < changes.length; i++) {
      out[i] = changes[changes.length - 1 - i];
    }
    return out;
  }
}
