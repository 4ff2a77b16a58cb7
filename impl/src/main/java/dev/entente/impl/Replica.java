package dev.entente.impl;

import dev.entente.impl.clock.ClockDriftException;
import dev.entente.impl.clock.TimestampClock;
import dev.entente.impl.coverage.ImplMark;
import dev.entente.model.Change;
import dev.entente.model.Check;
import dev.entente.model.Dot;
import dev.entente.model.Key;
import dev.entente.model.KeyGroups;
import dev.entente.model.MaterialisedMap;
import dev.entente.model.Op;
import dev.entente.model.RegisterPolicy;
import dev.entente.model.ReplicaId;
import dev.entente.model.Value;
import dev.entente.model.Verify;
import dev.entente.model.VersionVector;
import dev.entente.model.coverage.Coverage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One replica of the key-value map: it makes changes from local edits and applies changes from
 * other replicas. Sans-IO: it takes changes and returns changes; clocks are injected. Mutable, not
 * thread-safe.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@link #apply} is idempotent and commutative: any permutation of any multiset of valid
 *       changes leaves every replica with the same {@link #materialise() map}, equal to {@link
 *       dev.entente.model.Oracle}'s for the set of changes delivered.
 *   <li>LWW replicas deliver every change at once, in any order. MV and causal-group replicas
 *       buffer a change until its causal past ({@code seen}) is delivered, because MV's sibling
 *       pruning and the causal-group view (rebuilt from what each author declared it had seen) are
 *       only sound under causal delivery: a replica with a gap would show its user a change that
 *       the user's next write cannot declare as seen. Buffered changes are released as soon as they
 *       become deliverable.
 *   <li>A change with a known dot but different content is rejected, never applied.
 *   <li>{@link #versionVector()} covers exactly the contiguous prefix of delivered dots; a new
 *       local change declares it as {@code seen}.
 * </ul>
 *
 * <p>Delivered changes are kept in a log so that {@link #changesSince} can serve delta sync; the
 * compaction issue will bound it.
 */
public final class Replica {
  private final ReplicaId id;
  private final TimestampClock clock;
  private final KvMap map;
  private final DotSet delivered = new DotSet();
  private final Map<Dot, Change> log = new HashMap<>();
  private final List<Change> deliveryOrder = new ArrayList<>();
  private final TreeMap<Dot, Change> pending = new TreeMap<>();

  private Replica(ReplicaId id, KvMap map, TimestampClock clock) {
    this.id = id;
    this.map = map;
    this.clock = clock;
  }

  /**
   * Creates an empty replica.
   *
   * @param groups key groups for {@link RegisterPolicy#CAUSAL_GROUP}; ignored by other policies
   */
  public static Replica create(
      ReplicaId id, RegisterPolicy policy, KeyGroups groups, TimestampClock clock) {
    Check.argument(id != null, "replica id must not be null");
    Check.argument(policy != null, "policy must not be null");
    Check.argument(groups != null, "key groups must not be null");
    Check.argument(clock != null, "clock must not be null");
    KvMap map =
        switch (policy) {
          case LWW -> new LwwMap();
          case MV -> new MvMap();
          case CAUSAL_GROUP -> new CausalGroupMap(groups);
        };
    return new Replica(id, map, clock);
  }

  /**
   * Creates an empty replica around a map the caller supplies. This is the seam through which the
   * simulator substitutes deliberately broken maps (mutants) to test its checkers; production code
   * should use {@link #create(ReplicaId, RegisterPolicy, KeyGroups, TimestampClock)}.
   *
   * @param map an empty map; the replica takes ownership of it
   */
  public static Replica create(ReplicaId id, KvMap map, TimestampClock clock) {
    Check.argument(id != null, "replica id must not be null");
    Check.argument(map != null, "map must not be null");
    Check.argument(clock != null, "clock must not be null");
    Check.argument(
        map.materialise().size() == 0 && map.tombstoneCount() == 0, "map must start empty");
    return new Replica(id, map, clock);
  }

  /** This replica's id. */
  public ReplicaId id() {
    return id;
  }

  /** The register policy of this replica's map. */
  public RegisterPolicy policy() {
    return map.policy();
  }

  /** Sets {@code key} to {@code value}; returns the new change, already applied locally. */
  public Change put(Key key, Value value) {
    return transact(List.of(new Op.Put(key, value)));
  }

  /** Deletes {@code key}; returns the new change, already applied locally. */
  public Change delete(Key key) {
    return transact(List.of(new Op.Delete(key)));
  }

  /**
   * Makes one change holding {@code ops} in order (later ops on the same key win), stamps it with
   * the clock, declares the current version vector as seen, and applies it locally.
   */
  public Change transact(List<Op> ops) {
    return transact(ops, Change.NO_SCHEMA);
  }

  /**
   * {@link #transact(List)} for an application on schema version {@code schemaVersion}, which the
   * change records (the caller has validated the ops against that version).
   */
  public Change transact(List<Op> ops, int schemaVersion) {
    long seq = Math.max(delivered.maxCounter(id), pendingMaxCounter(id)) + 1;
    Change change = new Change(id, seq, clock.now(), versionVector(), ops, schemaVersion);
    ApplyResult result = deliverOrBuffer(change);
    Verify.that(
        result instanceof ApplyResult.Applied,
        "local change %s was not applied: %s",
        change.dot(),
        result);
    return change;
  }

  /**
   * Offers a change from elsewhere. Never throws for bad remote input: a conflicting dot or a
   * timestamp beyond the clock's drift limit comes back as {@link ApplyResult.Rejected}.
   */
  public ApplyResult apply(Change change) {
    Check.argument(change != null, "change must not be null");
    Dot dot = change.dot();
    Change known = log.containsKey(dot) ? log.get(dot) : pending.get(dot);
    if (known != null) {
      if (known.equals(change)) {
        Coverage.mark(ImplMark.REPLICA_DUPLICATE_IGNORED);
        return new ApplyResult.Duplicate(dot);
      }
      return new ApplyResult.Rejected(dot, "a different change with dot " + dot + " is known");
    }
    try {
      clock.observe(change.timestamp());
    } catch (ClockDriftException e) {
      Coverage.mark(ImplMark.REPLICA_DRIFT_REJECTED);
      return new ApplyResult.Rejected(
          dot, Objects.requireNonNullElse(e.getMessage(), e.toString()));
    }
    return deliverOrBuffer(change);
  }

  /** The contiguous prefix of delivered dots per replica. */
  public VersionVector versionVector() {
    return delivered.versionVector();
  }

  /**
   * The delivered changes whose dots {@code remote} does not cover, in this replica's delivery
   * order (a causal order for MV replicas). Sending them to the owner of {@code remote} gives it
   * everything this replica has delivered.
   */
  public List<Change> changesSince(VersionVector remote) {
    List<Change> out = new ArrayList<>();
    for (Change c : deliveryOrder) {
      if (!remote.covers(c.dot())) {
        out.add(c);
      }
    }
    return out;
  }

  /** The delivered changes as a state for full-state sync or storage. */
  public ReplicaState state() {
    return ReplicaState.of(map.policy(), deliveryOrder);
  }

  /**
   * Joins another replica's state into this one (the union of the delivered changes). Returns the
   * changes that were rejected; everything else in {@code other} is now delivered or buffered.
   */
  public List<ApplyResult.Rejected> merge(ReplicaState other) {
    Check.argument(
        other.policy() == map.policy(),
        "cannot merge a %s state into a %s replica",
        other.policy(),
        map.policy());
    List<ApplyResult.Rejected> rejected = new ArrayList<>();
    boolean learned = false;
    for (Change c : other.changes()) {
      ApplyResult result = apply(c);
      if (result instanceof ApplyResult.Rejected r) {
        rejected.add(r);
      }
      learned |= result instanceof ApplyResult.Applied || result instanceof ApplyResult.Buffered;
    }
    Coverage.mark(
        learned ? ImplMark.REPLICA_MERGE_NEW_CHANGES : ImplMark.REPLICA_MERGE_NOTHING_NEW);
    return rejected;
  }

  /** What a reader sees now. */
  public MaterialisedMap materialise() {
    return map.materialise();
  }

  /** Changes waiting for causal predecessors, sorted by dot (always empty for LWW). */
  public List<Change> pending() {
    return List.copyOf(pending.values());
  }

  /** Number of delivered changes. */
  public int deliveredCount() {
    return deliveryOrder.size();
  }

  /** Tombstones the map keeps. */
  public long tombstoneCount() {
    return map.tombstoneCount();
  }

  /** The map itself, for state-level comparisons in tests and benchmarks; do not mutate. */
  KvMap map() {
    return map;
  }

  /** Validates the replica and its map; throws {@code InvariantViolation} if broken. */
  public void checkRep() {
    delivered.checkRep();
    map.checkRep();
    Verify.that(
        log.size() == deliveryOrder.size() && log.size() == delivered.size(),
        "replica %s: log %d, delivery order %d, dot set %d disagree",
        id,
        log.size(),
        deliveryOrder.size(),
        delivered.size());
    for (Change c : deliveryOrder) {
      Verify.that(
          delivered.contains(c.dot()), "replica %s: %s logged, not in dot set", id, c.dot());
      Verify.that(
          log.get(c.dot()) == c, "replica %s: log and delivery order differ at %s", id, c.dot());
    }
    if (needsCausalDelivery()) {
      Verify.that(!delivered.hasGaps(), "%s replica %s delivered with gaps", map.policy(), id);
      for (Change c : pending.values()) {
        Verify.that(
            !isCausallyReady(c),
            "%s replica %s keeps deliverable %s pending",
            map.policy(),
            id,
            c.dot());
      }
    } else {
      Verify.that(
          pending.isEmpty(),
          "replica %s (%s) buffers %d changes it does not need",
          id,
          map.policy(),
          pending.size());
    }
  }

  private ApplyResult deliverOrBuffer(Change change) {
    if (needsCausalDelivery() && !isCausallyReady(change)) {
      pending.put(change.dot(), change);
      Coverage.mark(ImplMark.REPLICA_CHANGE_BUFFERED);
      return new ApplyResult.Buffered(change.dot(), missing(change));
    }
    List<Dot> released = new ArrayList<>();
    deliver(change);
    released.add(change.dot());
    if (!pending.isEmpty()) {
      releasePending(released);
      if (released.size() > 1) {
        Coverage.mark(ImplMark.REPLICA_BUFFERED_RELEASED);
      }
    }
    return new ApplyResult.Applied(change.dot(), released);
  }

  private void releasePending(List<Dot> released) {
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Change c : new ArrayList<>(pending.values())) {
        if (isCausallyReady(c)) {
          pending.remove(c.dot());
          deliver(c);
          released.add(c.dot());
          progress = true;
        }
      }
    }
  }

  private void deliver(Change change) {
    Verify.that(delivered.add(change.dot()), "replica %s delivers %s twice", id, change.dot());
    log.put(change.dot(), change);
    deliveryOrder.add(change);
    map.apply(change);
  }

  /**
   * MV prunes siblings and the causal-group policy rebuilds what an author was shown from the
   * changes it declared as seen; both are sound only if a replica never shows a change its next
   * write cannot declare, that is, if delivery is causal. LWW needs no such thing.
   */
  private boolean needsCausalDelivery() {
    return map.policy() != RegisterPolicy.LWW;
  }

  private boolean isCausallyReady(Change change) {
    return delivered.prefixesDominate(change.seen());
  }

  private String missing(Change change) {
    VersionVector have = delivered.versionVector();
    List<String> ranges = new ArrayList<>();
    change
        .seen()
        .entries()
        .forEach(
            (r, n) -> {
              long from = have.get(r) + 1;
              if (from <= n) {
                ranges.add(from == n ? r + ":" + n : r + ":" + from + ".." + n);
              }
            });
    return String.join(", ", ranges);
  }

  private long pendingMaxCounter(ReplicaId replica) {
    long max = 0;
    for (Dot d : pending.keySet()) {
      if (d.replica().equals(replica)) {
        max = Math.max(max, d.counter());
      }
    }
    return max;
  }

  @Override
  public String toString() {
    return "Replica["
        + id
        + ", "
        + map.policy()
        + ", delivered="
        + versionVector()
        + (pending.isEmpty() ? "" : ", pending=" + Collections.unmodifiableSet(pending.keySet()))
        + "]";
  }
}
