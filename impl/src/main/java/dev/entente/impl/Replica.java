package dev.entente.impl;

import dev.entente.impl.clock.ClockDriftException;
import dev.entente.impl.clock.TimestampClock;
import dev.entente.impl.clock.WallClock;
import dev.entente.impl.coverage.CompactionMark;
import dev.entente.impl.coverage.ImplMark;
import dev.entente.impl.gc.GcResult;
import dev.entente.impl.gc.StabilityFrontier;
import dev.entente.impl.gc.Swept;
import dev.entente.impl.snapshot.Snapshot;
import dev.entente.model.Change;
import dev.entente.model.Check;
import dev.entente.model.Dot;
import dev.entente.model.HlcTimestamp;
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
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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
 * <p>Delivered changes are kept in a log so that {@link #changesSince} can serve delta sync.
 * Compaction bounds it: {@link #collectGarbage} drops what every member has delivered, and a
 * replica {@link #restore restored} from a {@link Snapshot} logs only what it delivered since. A
 * peer that lacks a change no longer logged is told so ({@link DeltaResult.BehindHorizon}).
 *
 * <p>After garbage collection, a change that could have needed what was collected is refused
 * ({@link ApplyResult.Rejected}, naming the frontier): under LWW one stamped at or below the
 * greatest collected tombstone, under causal groups one that has not seen the GC frontier. Only a
 * device removed from the membership while offline can send one (see docs/compaction.md).
 */
public final class Replica {
  private final ReplicaId id;
  private final TimestampClock clock;
  private final KvMap map;
  private final DotSet delivered = new DotSet();
  private final DeliveryLog log = new DeliveryLog();
  private final CausalBuffer pending = new CausalBuffer(delivered);
  // Compaction state: delivered dots not in the log, the vector covering them, and the frontier and
  // tombstone floor of the last garbage collection (a change must have seen / be after them).
  private long compacted;
  private VersionVector horizon = VersionVector.EMPTY;
  private VersionVector gcFrontier = VersionVector.EMPTY;
  private HlcTimestamp tombstoneFloor = HlcTimestamp.ZERO;

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
    return new Replica(id, newMap(policy, groups), clock);
  }

  private static KvMap newMap(RegisterPolicy policy, KeyGroups groups) {
    return switch (policy) {
      case LWW -> new LwwMap();
      case MV -> new MvMap();
      case CAUSAL_GROUP -> new CausalGroupMap(groups);
    };
  }

  /**
   * Restores a replica from {@code snapshot}: the same map, delivered dots, buffered changes and
   * garbage-collection state as the replica that took it, and an empty log (every delivered change
   * is behind the {@link #horizon()}). The clock observes the snapshot's high-water mark, so new
   * local changes are stamped after everything the snapshot holds.
   *
   * @param groups key groups for {@link RegisterPolicy#CAUSAL_GROUP}; ignored by other policies
   * @throws dev.entente.impl.clock.ClockDriftException if the snapshot's clock is beyond the
   *     clock's drift limit
   */
  public static Replica restore(
      ReplicaId id, Snapshot snapshot, KeyGroups groups, TimestampClock clock) {
    Check.argument(snapshot != null, "snapshot must not be null");
    Check.argument(groups != null, "key groups must not be null");
    return restore(id, snapshot, newMap(snapshot.policy(), groups), clock);
  }

  /**
   * Like {@link #restore(ReplicaId, Snapshot, KeyGroups, TimestampClock)} around a map the caller
   * supplies (the simulator's seam for broken maps).
   *
   * @param map an empty map of the snapshot's policy; the replica takes ownership of it
   */
  public static Replica restore(ReplicaId id, Snapshot snapshot, KvMap map, TimestampClock clock) {
    Replica r = create(id, map, clock);
    Check.argument(snapshot != null, "snapshot must not be null");
    Check.argument(
        snapshot.policy() == map.policy(),
        "cannot restore a %s snapshot into a %s map",
        snapshot.policy(),
        map.policy());
    clock.observe(snapshot.clock());
    map.restore(snapshot.entries(), snapshot.delivered());
    r.delivered.addAll(DotSet.of(snapshot.delivered(), snapshot.deliveredBeyond()));
    r.compacted = r.delivered.size();
    r.horizon = r.delivered.maxCounters();
    r.gcFrontier = snapshot.gcFrontier();
    r.tombstoneFloor = snapshot.tombstoneFloor();
    for (Change c : snapshot.pending()) {
      r.pending.add(c);
    }
    r.releasePending(new ArrayList<>());
    Coverage.mark(CompactionMark.SNAPSHOT_RESTORED);
    return r;
  }

  /**
   * A replica restored from {@code snapshot} that then applied {@code tail} in order: how a device
   * past the GC horizon bootstraps (the tail is the peer's logged changes plus its own changes the
   * snapshot lacks, {@link #missingFrom}). Changes the replica refuses are in the result.
   */
  public static Bootstrap bootstrap(
      ReplicaId id, Snapshot snapshot, List<Change> tail, KeyGroups groups, TimestampClock clock) {
    Check.argument(tail != null, "tail must not be null");
    Replica r = restore(id, snapshot, groups, clock);
    List<ApplyResult.Rejected> rejected = new ArrayList<>();
    for (Change c : tail) {
      if (r.apply(c) instanceof ApplyResult.Rejected no) {
        rejected.add(no);
      }
    }
    return new Bootstrap(r, rejected);
  }

  /**
   * A bootstrapped replica and the tail changes it refused.
   *
   * @param replica the replica
   * @param rejected the refused changes, each with its reason
   */
  public record Bootstrap(Replica replica, List<ApplyResult.Rejected> rejected) {
    /** Copies the list. */
    public Bootstrap {
      Check.argument(replica != null, "replica must not be null");
      rejected = List.copyOf(rejected);
    }
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
    // The change has seen what is delivered, its own entry normalised to seq - 1: it is causally
    // ready exactly when this replica's own prefix reaches seq - 1 (it does not when its own later
    // changes are only buffered). One lookup instead of a walk over the seen vector.
    if (needsCausalDelivery() && delivered.maxPrefix(id) < seq - 1) {
      Verify.that(
          false, "local change %s was not applied: %s", change.dot(), deliverOrBuffer(change));
    }
    deliverQuietly(change);
    if (!pending.isEmpty()) {
      release(change.dot());
    }
    return change;
  }

  /**
   * Offers a change from elsewhere. Never throws for bad remote input: a conflicting dot or a
   * timestamp beyond the clock's drift limit comes back as {@link ApplyResult.Rejected}.
   */
  public ApplyResult apply(Change change) {
    Check.argument(change != null, "change must not be null");
    Dot dot = change.dot();
    // The log holds only delivered changes and the buffer only undelivered ones, so the dot set
    // (cheap: a prefix compare) picks the one index to look in; a new change skips the log's.
    boolean wasDelivered = delivered.contains(dot);
    Change known = wasDelivered ? log.get(dot) : pending.get(dot);
    if (known != null) {
      if (known.equals(change)) {
        Coverage.mark(ImplMark.REPLICA_DUPLICATE_IGNORED);
        return new ApplyResult.Duplicate(dot);
      }
      return new ApplyResult.Rejected(dot, "a different change with dot " + dot + " is known");
    }
    if (wasDelivered) {
      // Delivered and compacted away: its content can no longer be compared.
      Coverage.mark(ImplMark.REPLICA_DUPLICATE_IGNORED);
      return new ApplyResult.Duplicate(dot);
    }
    ApplyResult.Rejected no = admit(change);
    return no != null ? no : deliverOrBuffer(change);
  }

  /**
   * Admits a change this replica neither delivered nor buffered: refuses it if it is behind the GC
   * frontier or its timestamp is beyond the clock's drift limit, else observes its timestamp and
   * returns null.
   */
  private ApplyResult.@Nullable Rejected admit(Change change) {
    String behind = behindFrontier(change);
    if (behind != null) {
      Coverage.mark(CompactionMark.GC_CHANGE_BEHIND_FRONTIER);
      return new ApplyResult.Rejected(change.dot(), behind);
    }
    try {
      clock.observe(change.timestamp());
    } catch (ClockDriftException e) {
      Coverage.mark(ImplMark.REPLICA_DRIFT_REJECTED);
      return new ApplyResult.Rejected(
          change.dot(), Objects.requireNonNullElse(e.getMessage(), e.toString()));
    }
    return null;
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
    return log.since(remote);
  }

  /**
   * What to send a peer whose version vector is {@code remote}: the logged changes it lacks, or, if
   * it lacks changes no longer logged, {@link DeltaResult.BehindHorizon} (it must bootstrap).
   */
  public DeltaResult delta(VersionVector remote) {
    Check.argument(remote != null, "remote must not be null");
    List<Change> tail = changesSince(remote);
    if (!remote.dominates(horizon)) {
      Coverage.mark(CompactionMark.DELTA_BEHIND_HORIZON);
      return new DeltaResult.BehindHorizon(horizon, remote, tail);
    }
    return new DeltaResult.Changes(tail);
  }

  /** The log horizon: delivered changes this vector covers may be compacted out of the log. */
  public VersionVector horizon() {
    return horizon;
  }

  /** The frontier of the last garbage collection ({@link VersionVector#EMPTY} if none). */
  public VersionVector gcFrontier() {
    return gcFrontier;
  }

  /** A snapshot of the live state (see {@link Snapshot}); the replica is unchanged. */
  public Snapshot snapshot() {
    return new Snapshot(
        map.policy(),
        delivered.versionVector(),
        delivered.beyond(),
        gcFrontier,
        tombstoneFloor,
        clock.current(),
        map.snapshotEntries(),
        pending());
  }

  /**
   * The logged changes {@code snapshot} does not hold, in delivery order: what a device that
   * bootstraps from {@code snapshot} re-offers so that its own (offline) edits are kept.
   */
  public List<Change> missingFrom(Snapshot snapshot) {
    List<Change> out = new ArrayList<>();
    for (Change c : log.inOrder()) {
      if (!snapshot.isDelivered(c.dot())) {
        out.add(c);
      }
    }
    for (Change c : pending.values()) {
      if (!snapshot.isDelivered(c.dot())) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * Joins a peer's snapshot into this replica: how a device behind the peer's horizon catches up
   * while keeping everything it holds, its own unsent edits included. Entries whose dots this
   * replica delivered are skipped (its map already reflects them, possibly in collected form); the
   * others are joined as changes. Refused unless this replica has delivered the snapshot's GC
   * frontier (else the snapshot may lack a tombstone this replica's older changes would need). The
   * clock observes the snapshot's high-water mark, as in {@link #restore}.
   */
  public SnapshotMerge mergeSnapshot(Snapshot s) {
    Check.argument(s != null, "snapshot must not be null");
    Check.argument(
        s.policy() == map.policy(), "cannot merge a %s snapshot into %s", s.policy(), policy());
    if (map.policy() != RegisterPolicy.MV && !delivered.versionVector().dominates(s.gcFrontier())) {
      return new SnapshotMerge.Refused(
          "replica "
              + id
              + " delivered "
              + delivered.versionVector()
              + ", not the snapshot's GC frontier "
              + s.gcFrontier());
    }
    // As in restore: local changes made after the merge must be stamped after everything the
    // snapshot holds, or a write made after seeing a collected delete could tie with it.
    clock.observe(s.clock());
    shown = null;
    List<ApplyResult.Rejected> rejected = new ArrayList<>();
    if (map instanceof MvMap mv) {
      MvMap theirs = new MvMap();
      theirs.restore(s.entries(), s.delivered());
      mv.mergeFrom(theirs);
    } else {
      for (Change e : s.entries()) {
        String behind = delivered.contains(e.dot()) ? "" : behindFrontier(e);
        if (behind == null) {
          map.apply(e);
        } else if (!behind.isEmpty()) {
          rejected.add(new ApplyResult.Rejected(e.dot(), behind));
        }
      }
    }
    DotSet theirs = DotSet.of(s.delivered(), s.deliveredBeyond());
    long before = delivered.size();
    delivered.addAll(theirs);
    // A change this replica buffered may be one the snapshot delivered: it is held, not pending.
    pending.dropDelivered();
    long learned = delivered.size() - before;
    compacted += learned;
    horizon = horizon.merge(theirs.maxCounters());
    adoptGcState(s.gcFrontier(), s.tombstoneFloor());
    for (Change c : s.pending()) {
      if (!delivered.contains(c.dot())) {
        pending.add(c);
      }
    }
    releasePending(new ArrayList<>());
    return new SnapshotMerge.Merged(learned, rejected);
  }

  private void adoptGcState(VersionVector frontier, HlcTimestamp floor) {
    gcFrontier = gcFrontier.merge(frontier);
    if (floor.compareTo(tombstoneFloor) > 0) {
      tombstoneFloor = floor;
    }
  }

  /**
   * Drops the whole delta-sync log; the live state is kept. Afterwards a peer lacking any delivered
   * change gets {@link DeltaResult.BehindHorizon}. Returns the number of changes dropped.
   */
  public int compactLog() {
    int dropped = log.clear();
    compacted += dropped;
    horizon = horizon.merge(delivered.maxCounters());
    return dropped;
  }

  /**
   * Collects garbage at {@code frontier}: LWW tombstones and superseded causal-group changes whose
   * changes are stable, and the logged changes every member has delivered. Held back (nothing
   * dropped) unless the replica can prove no future change needs them: it must have delivered the
   * frontier and the members' heads, and every buffered change must have seen the frontier.
   */
  public GcResult collectGarbage(StabilityFrontier frontier) {
    Check.argument(frontier != null, "frontier must not be null");
    String reason = ReplicaGc.heldBack(frontier, delivered.versionVector(), pending.values());
    if (reason != null) {
      Coverage.mark(CompactionMark.GC_HELD_BACK);
      return new GcResult.HeldBack(reason);
    }
    VersionVector stable = frontier.stable();
    shown = null;
    Swept swept = map.collectGarbage(stable, !(clock instanceof WallClock));
    adoptGcState(stable, swept.tombstoneFloor());
    long logged = log.removeCovered(stable);
    compacted += logged;
    horizon = horizon.merge(stable);
    return new GcResult.Collected(frontier, swept.tombstones(), swept.changes(), logged);
  }

  // state()'s cache: the last state built, and the log's length and the compacted count it was
  // built at (the log only grows while the count stays the same, so the pair names its content).
  private @Nullable ReplicaState state;
  private int stateLogged;
  private long stateCompacted;

  /**
   * The logged delivered changes as a state for full-state sync or storage. After {@link
   * #compactLog} or {@link #collectGarbage} this is only the tail: a compacted replica's full state
   * is its {@link #snapshot()}.
   */
  public ReplicaState state() {
    ReplicaState cached = state;
    int logged = log.size();
    if (cached != null && stateLogged == logged && stateCompacted == compacted) {
      return cached;
    }
    List<Change> inOrder = log.inOrder();
    // While nothing has left the log, the cached state sorts its first stateLogged changes: only
    // the ones logged since need sorting in.
    List<Change> sorted =
        cached != null && stateCompacted == compacted && stateLogged < logged
            ? SortedChanges.merge(cached.changes(), inOrder.subList(stateLogged, logged))
            : SortedChanges.sorted(inOrder);
    state = new ReplicaState(map.policy(), sorted);
    stateLogged = logged;
    stateCompacted = compacted;
    return state;
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
    // The state is sorted by dot, so each author's changes come as one run of rising counters.
    // Past everything this replica delivered or buffered of that author (fixed at the run's
    // start), a change can be neither a duplicate nor a conflict: no lookups, no result object.
    @Nullable ReplicaId author = null;
    long known = 0;
    for (Change c : other.changes()) {
      if (!c.author().equals(author)) {
        author = c.author();
        known = Math.max(delivered.maxCounter(author), pendingMaxCounter(author));
      }
      ApplyResult.Rejected no;
      if (c.seq() > known && pending.isEmpty()) {
        no = admit(c);
        if (no == null) {
          learned = true;
          deliverNew(c);
        }
      } else {
        ApplyResult result = apply(c);
        no = result instanceof ApplyResult.Rejected r ? r : null;
        learned |= result instanceof ApplyResult.Applied || result instanceof ApplyResult.Buffered;
      }
      if (no != null) {
        rejected.add(no);
      }
    }
    Coverage.mark(
        learned ? ImplMark.REPLICA_MERGE_NEW_CHANGES : ImplMark.REPLICA_MERGE_NOTHING_NEW);
    return rejected;
  }

  /**
   * {@link #deliverOrBuffer} for an admitted change while nothing is buffered, without its result:
   * delivered changes release nothing, since there is nothing to release.
   */
  private void deliverNew(Change change) {
    if (needsCausalDelivery() && !isCausallyReady(change)) {
      pending.add(change);
      Coverage.mark(ImplMark.REPLICA_CHANGE_BUFFERED);
    } else {
      deliverQuietly(change);
    }
  }

  // materialise()'s cache: the map's view, or null. Every change to the map goes through
  // deliverQuietly, mergeSnapshot or collectGarbage, and each drops it; a replica read many times
  // between deliveries (the simulator's clients) then builds the view once.
  private @Nullable MaterialisedMap shown;

  /** What a reader sees now. */
  public MaterialisedMap materialise() {
    MaterialisedMap view = shown;
    if (view == null) {
      view = map.materialise();
      shown = view;
    }
    return view;
  }

  /** Changes waiting for causal predecessors, sorted by dot (always empty for LWW). */
  public List<Change> pending() {
    return List.copyOf(pending.values());
  }

  /** Number of delivered changes. */
  public int deliveredCount() {
    return log.size();
  }

  /** Tombstones the map keeps. */
  public long tombstoneCount() {
    return map.tombstoneCount();
  }

  /** The map itself, for state-level comparisons in tests and benchmarks; do not mutate. */
  KvMap map() {
    return map;
  }

  // What checkRepAfterStep() may skip: calls since the last full check, and the log's length and
  // the compacted count when it ran (the log only grows while the count stays the same).
  private static final int FULL_CHECK_INTERVAL = 16;
  private int stepsSinceFullCheck;
  private int loggedChecked;
  private long compactedChecked;

  /** Validates the replica and its map; throws {@code InvariantViolation} if broken. */
  public void checkRep() {
    delivered.checkRep();
    map.checkRep();
    checkCounts();
    checkLogged(0);
    checkCausalDelivery();
    checkCachedState();
    checkCachedView();
    stepsSinceFullCheck = 0;
    loggedChecked = log.size();
    compactedChecked = compacted;
  }

  /**
   * {@link #checkRep()} for a caller that checks after every step (the simulator): the same
   * invariants, at a cost that does not grow with the state. The counts, the causal-delivery rules
   * and the changes logged since the last call are checked every time. Changes logged before it
   * need no second look while nothing has left the log: the dot set and the log index only grow,
   * and an index entry overwritten would break the counts checked here. The map's own walk and the
   * whole log run every {@value #FULL_CHECK_INTERVAL} calls and after every compaction, so a broken
   * map is found at most that many steps late; the caller runs {@link #checkRep()} before it drops
   * a replica and at the end of a run, so a broken replica is still caught in the run that broke
   * it.
   */
  public void checkRepAfterStep() {
    if (++stepsSinceFullCheck >= FULL_CHECK_INTERVAL
        || compacted != compactedChecked
        || log.size() < loggedChecked) {
      checkRep();
      return;
    }
    delivered.checkRep();
    checkCounts();
    checkLogged(loggedChecked);
    checkCausalDelivery();
    loggedChecked = log.size();
  }

  private void checkCounts() {
    // Guarded: the message's boxed arguments would otherwise be built on every step.
    if (log.indexedCount() != log.size() || log.size() + compacted != delivered.size()) {
      Verify.that(
          false,
          "replica %s: log index %d, delivery order %d, compacted %d, dot set %d disagree",
          id,
          log.indexedCount(),
          log.size(),
          compacted,
          delivered.size());
    }
    if (!delivered.prefixesDominate(gcFrontier)) {
      Verify.that(
          false, "replica %s collected garbage at %s beyond what it delivered", id, gcFrontier);
    }
  }

  /** Checks the logged changes from position {@code from} on in delivery order. */
  private void checkLogged(int from) {
    List<Change> logged = log.inOrder();
    for (int i = from; i < logged.size(); i++) {
      Change c = logged.get(i);
      Dot dot = c.dot();
      if (!delivered.contains(dot)) {
        Verify.that(false, "replica %s: %s logged, not in dot set", id, dot);
      }
      if (log.get(dot) != c) {
        Verify.that(false, "replica %s: log and delivery order differ at %s", id, dot);
      }
    }
  }

  /** The cached state, if it is current, holds exactly the logged changes. */
  private void checkCachedState() {
    ReplicaState cached = state;
    if (cached == null || stateLogged != log.size() || stateCompacted != compacted) {
      return;
    }
    Verify.that(
        cached.changes().size() == log.size(),
        "replica %s caches a state of %d changes, logs %d",
        id,
        cached.changes().size(),
        log.size());
    for (Change c : cached.changes()) {
      if (log.get(c.dot()) != c) {
        Verify.that(false, "replica %s caches a state holding unlogged %s", id, c.dot());
      }
    }
  }

  /** The cached view, if any, is the map's view now. */
  private void checkCachedView() {
    MaterialisedMap view = shown;
    if (view != null && !view.equals(map.materialise())) {
      Verify.that(false, "replica %s caches a stale view %s of %s", id, view, map.materialise());
    }
  }

  private void checkCausalDelivery() {
    if (needsCausalDelivery()) {
      Verify.that(!delivered.hasGaps(), "%s replica %s delivered with gaps", map.policy(), id);
      for (Change c : pending.unordered()) {
        if (isCausallyReady(c)) {
          Verify.that(
              false, "%s replica %s keeps deliverable %s pending", map.policy(), id, c.dot());
        }
      }
    } else if (!pending.isEmpty()) {
      Verify.that(
          false,
          "replica %s (%s) buffers %d changes it does not need",
          id,
          map.policy(),
          pending.size());
    }
  }

  /**
   * Why {@code change} must be refused after garbage collection, or null if it may be applied. LWW
   * only collects tombstones: a write stamped after every collected one would beat it anyway, so
   * the timestamp floor is the whole test. A causal group collapses to its winner's view, which a
   * change that has not seen the frontier could read past. MV collects nothing from its map.
   */
  private @Nullable String behindFrontier(Change change) {
    if (map.policy() == RegisterPolicy.LWW) {
      // The cheap test first: before any garbage collection the floor is ZERO.
      if (tombstoneFloor.equals(HlcTimestamp.ZERO)
          || change.timestamp().compareTo(tombstoneFloor) > 0) {
        return null;
      }
      return "change "
          + change.dot()
          + " is stamped "
          + change.timestamp()
          + ", not after the collected tombstones' floor "
          + tombstoneFloor
          + ": its author is past the GC horizon";
    }
    if (map.policy() == RegisterPolicy.MV || change.seen().dominates(gcFrontier)) {
      return null;
    }
    return "change "
        + change.dot()
        + " has not seen the GC frontier "
        + gcFrontier
        + " (it saw "
        + change.seen()
        + "): its author is past the GC horizon and must bootstrap from a snapshot";
  }

  private ApplyResult deliverOrBuffer(Change change) {
    if (needsCausalDelivery() && !isCausallyReady(change)) {
      pending.add(change);
      Coverage.mark(ImplMark.REPLICA_CHANGE_BUFFERED);
      return new ApplyResult.Buffered(change.dot(), change.seen(), deliveredPrefixes(change));
    }
    deliverQuietly(change);
    Dot dot = change.dot();
    // The common case (always under LWW): nothing buffered to release, no list to grow.
    return new ApplyResult.Applied(dot, pending.isEmpty() ? List.of(dot) : release(dot));
  }

  /** Releases what {@code first}'s delivery unblocked; returns the delivered dots, first first. */
  private List<Dot> release(Dot first) {
    List<Dot> released = new ArrayList<>();
    released.add(first);
    releasePending(released);
    if (released.size() > 1) {
      Coverage.mark(ImplMark.REPLICA_BUFFERED_RELEASED);
    }
    return released;
  }

  private void releasePending(List<Dot> released) {
    pending.release(this::deliverQuietly, released);
  }

  /** Delivers {@code change}: dot set, log and map (no dot is built unless it was delivered). */
  private void deliverQuietly(Change change) {
    if (!delivered.add(change.author(), change.seq())) {
      Verify.that(false, "replica %s delivers %s twice", id, change.dot());
    }
    log.add(change);
    // Before the apply: a map that throws part-way must not leave the old view cached.
    shown = null;
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

  /**
   * Per entry of {@code change}'s seen vector, in its order, the prefix delivered of that replica:
   * what {@link ApplyResult.Buffered#missing()} builds its text from if asked.
   */
  private long[] deliveredPrefixes(Change change) {
    long[] out = new long[change.seen().entries().size()];
    int i = 0;
    for (ReplicaId r : change.seen().entries().keySet()) {
      out[i++] = delivered.maxPrefix(r);
    }
    return out;
  }

  /**
   * At least the greatest buffered counter of {@code replica} and at most the greatest it holds
   * delivered or buffered: {@code transact} takes the max with the delivered one, so the answer is
   * exact there.
   */
  private long pendingMaxCounter(ReplicaId replica) {
    return pending.maxCounterEverBuffered(replica);
  }

  @Override
  public String toString() {
    return "Replica["
        + id
        + ", "
        + map.policy()
        + ", delivered="
        + versionVector()
        + (pending.isEmpty() ? "" : ", pending=" + Collections.unmodifiableSet(pending.dots()))
        + "]";
  }
}
