package dev.entente.campaign.demo;

import dev.entente.impl.ApplyResult;
import dev.entente.impl.Replica;
import dev.entente.impl.clock.HybridLogicalClock;
import dev.entente.impl.clock.PhysicalClock;
import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.KeyGroups;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Op;
import dev.entente.model.Oracle;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A few replicas of one policy for the built-in demonstrations, each with a hybrid logical clock on
 * one shared simulated physical clock (never the real one, so every run prints the same). Mutable,
 * not thread-safe.
 *
 * <p>Sync is delta sync through {@link Replica#changesSince}, optionally newest first, and every
 * change is sent twice, so the demonstrations exercise out-of-order delivery, buffering (MV) and
 * duplicate suppression. Anything a replica rejects is kept as a problem.
 */
final class DemoCluster {
  /** Simulated time zero: 2023-11-14T22:13:20Z. */
  static final long EPOCH_MILLIS = 1_700_000_000_000L;

  private static final long MAX_DRIFT_MILLIS = 60_000;

  private final RegisterPolicy policy;
  private final AtomicLong nowMillis = new AtomicLong(EPOCH_MILLIS);
  private final Map<String, Replica> replicas = new TreeMap<>();
  private final List<Change> made = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  DemoCluster(RegisterPolicy policy) {
    this.policy = policy;
  }

  /** Adds a replica whose physical clock reads simulated time plus {@code skewMillis}. */
  void add(String id, long skewMillis) {
    PhysicalClock physical = () -> nowMillis.get() + skewMillis;
    HybridLogicalClock clock = new HybridLogicalClock(physical, MAX_DRIFT_MILLIS);
    replicas.put(id, Replica.create(ReplicaId.of(id), policy, KeyGroups.byParentPath(), clock));
  }

  /** Sets simulated time to {@code offsetMillis} after {@link #EPOCH_MILLIS}. */
  void at(long offsetMillis) {
    nowMillis.set(EPOCH_MILLIS + offsetMillis);
  }

  /** Makes one change on replica {@code id} holding {@code ops}. */
  Change edit(String id, Op... ops) {
    Change change = replica(id).transact(List.of(ops));
    made.add(change);
    return change;
  }

  /**
   * Sends {@code to} every change {@code from} has that {@code to} lacks, each twice, newest first
   * if {@code newestFirst}; returns how many distinct changes were sent.
   */
  int sync(String from, String to, boolean newestFirst) {
    Replica receiver = replica(to);
    List<Change> changes = replica(from).changesSince(receiver.versionVector());
    List<Change> ordered = new ArrayList<>(changes);
    if (newestFirst) {
      Collections.reverse(ordered);
    }
    for (Change c : ordered) {
      for (int copy = 0; copy < 2; copy++) {
        if (receiver.apply(c) instanceof ApplyResult.Rejected r) {
          problems.add(to + " rejected " + r.dot() + ": " + r.reason());
        }
      }
    }
    return changes.size();
  }

  /** Every replica's map, by replica id. */
  /** Replica {@code id}'s map now. */
  MaterialisedMap map(String id) {
    return replica(id).materialise();
  }

  Map<String, MaterialisedMap> maps() {
    Map<String, MaterialisedMap> out = new TreeMap<>();
    replicas.forEach((id, r) -> out.put(id, r.materialise()));
    return out;
  }

  /**
   * What is wrong with the cluster now, empty if nothing: rejected changes, changes still pending,
   * replicas whose maps differ from each other or from the oracle's for every change made, and any
   * replica failing {@link Replica#checkRep()}.
   */
  List<String> convergenceProblems() {
    List<String> out = new ArrayList<>(problems);
    MaterialisedMap expected = Oracle.materialise(policy, made, KeyGroups.byParentPath());
    replicas.forEach(
        (id, r) -> {
          r.checkRep();
          if (!r.pending().isEmpty()) {
            out.add(id + " still has " + r.pending().size() + " pending changes");
          }
          if (!r.materialise().equals(expected)) {
            out.add(id + " shows " + r.materialise() + ", the oracle " + expected);
          }
        });
    return out;
  }

  /** A timestamp relative to simulated time zero, such as {@code t+140.0}. */
  static String relative(HlcTimestamp t) {
    return "t+" + (t.wallMillis() - EPOCH_MILLIS) + "." + t.logical();
  }

  private Replica replica(String id) {
    Replica r = replicas.get(id);
    if (r == null) {
      throw new IllegalArgumentException(
          "no replica " + id + " in the demo, only " + replicas.keySet());
    }
    return r;
  }
}
