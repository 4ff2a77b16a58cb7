package dev.entente.cli;

import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.Op;
import dev.entente.model.ReplicaId;
import dev.entente.model.VersionVector;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A random history of several replicas editing and delivering each other's changes, built by
 * interpreting a list of {@link Step}s; it is independent of the implementation under test.
 *
 * <p>Every change declares as {@code seen} the version vector of its author at the time, and a
 * replica delivers a change only once it covers the change's own {@code seen}, so every declared
 * vector is causally closed and a causal (MV) replay can deliver everything. Timestamps grow per
 * replica but may tie with other replicas' and even with changes the author has seen, so the LWW
 * tie-breaks are exercised.
 */
record CausalHistory(List<Change> changes) {
  private static final String[] REPLICAS = {"A", "B", "C", "D"};
  private static final String[] KEYS = {"a", "b", "g/x", "g/y", "h/z", "é"};
  private static final String[] VALUES = {"v0", "v1", "v2", "", "😀"};

  /** One step: replica {@code who} edits (when {@code edit}) or delivers a change it lacks. */
  record Step(int who, boolean edit, int pick, int detail) {}

  static Arbitrary<CausalHistory> histories() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, REPLICAS.length - 1),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 1_000),
                Arbitraries.integers().between(0, 1_000_000))
            .as(Step::new);
    Arbitrary<Integer> replicas = Arbitraries.integers().between(2, REPLICAS.length);
    return Combinators.combine(replicas, step.list().ofMaxSize(60))
        .as((n, steps) -> interpret(n, steps));
  }

  private static CausalHistory interpret(int replicaCount, List<Step> steps) {
    List<Change> log = new ArrayList<>();
    VersionVector[] delivered = new VersionVector[replicaCount];
    long[] lastWall = new long[replicaCount];
    java.util.Arrays.fill(delivered, VersionVector.EMPTY);
    for (Step s : steps) {
      int who = s.who() % replicaCount;
      if (s.edit()) {
        Change c = edit(who, s, delivered[who], lastWall[who], log);
        lastWall[who] = c.timestamp().wallMillis();
        log.add(c);
        delivered[who] = delivered[who].with(c.author(), c.seq());
      } else {
        delivered[who] = deliverOne(who, s.pick(), delivered[who], log, lastWall);
      }
    }
    return new CausalHistory(List.copyOf(log));
  }

  private static Change edit(int who, Step s, VersionVector seen, long lastWall, List<Change> log) {
    ReplicaId id = ReplicaId.of(REPLICAS[who]);
    long maxSeenWall = lastWall;
    for (Change c : log) {
      if (seen.covers(c.dot())) {
        maxSeenWall = Math.max(maxSeenWall, c.timestamp().wallMillis());
      }
    }
    int d = s.detail();
    HlcTimestamp time = new HlcTimestamp(maxSeenWall + d % 3, (d / 3) % 2);
    List<Op> ops = new ArrayList<>();
    int opCount = 1 + (d / 6) % 3;
    for (int i = 0; i < opCount; i++) {
      int x = d / (18 * (i + 1)) + s.pick() * (i + 1);
      String key = KEYS[x % KEYS.length];
      ops.add(x % 5 == 0 ? Op.delete(key) : Op.put(key, VALUES[(x / KEYS.length) % VALUES.length]));
    }
    return new Change(id, seen.get(id) + 1, time, seen, ops);
  }

  private static VersionVector deliverOne(
      int who, int pick, VersionVector have, List<Change> log, long[] lastWall) {
    List<Change> ready = new ArrayList<>();
    for (Change c : log) {
      boolean next = have.get(c.author()) + 1 == c.seq();
      if (next && have.dominates(c.seen())) {
        ready.add(c);
      }
    }
    if (ready.isEmpty()) {
      return have;
    }
    Change c = ready.get(pick % ready.size());
    lastWall[who] = Math.max(lastWall[who], c.timestamp().wallMillis());
    return have.with(c.author(), c.seq());
  }
}
