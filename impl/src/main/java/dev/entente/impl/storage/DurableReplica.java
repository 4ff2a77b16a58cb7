package dev.entente.impl.storage;

import dev.entente.impl.ApplyResult;
import dev.entente.impl.Replica;
import dev.entente.impl.clock.ClockDriftException;
import dev.entente.impl.clock.TimestampClock;
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
import dev.entente.model.VersionVector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@link Replica} whose every step is committed to a {@link Storage} before it returns, so that
 * "acknowledged" means "durable": when {@link #apply} or {@link #transact} returns, what they did
 * is stored. Mutable, not thread-safe.
 *
 * <p>If a commit fails, the in-memory replica may be ahead of storage; from then on every mutating
 * call throws {@link StorageException.Kind#FAILED_EARLIER} and the caller must reopen.
 *
 * <p>On {@link #open}, the stored snapshot (if the storage was {@link #compact}ed) is restored,
 * then the stored delivered changes are replayed in delivery order, then the pending ones; the
 * clock observes the stored high-water mark so that a restarted clock never stamps a change at or
 * before a timestamp it stamped or observed before the crash.
 */
public final class DurableReplica implements AutoCloseable {
  private final Replica replica;
  private final Storage storage;
  private final TimestampClock clock;
  private final List<Quarantined> quarantined;
  private MaterialisedMap shown;
  private HlcTimestamp highWater;
  private boolean failed;

  private DurableReplica(
      Replica replica, Storage storage, TimestampClock clock, List<Quarantined> quarantined) {
    this.replica = replica;
    this.storage = storage;
    this.clock = clock;
    this.quarantined = List.copyOf(quarantined);
    this.shown = replica.materialise();
    this.highWater = clock.current();
  }

  /**
   * Loads {@code storage} into a new replica and rewrites the stored materialised map from it.
   *
   * @throws StorageException if the storage cannot be read, or its clock high-water mark is beyond
   *     what {@code clock} accepts (a restarted clock must not go backwards)
   */
  public static DurableReplica open(
      ReplicaId id, RegisterPolicy policy, KeyGroups groups, TimestampClock clock, Storage storage)
      throws StorageException {
    Check.argument(storage != null, "storage must not be null");
    StoredState stored = storage.load();
    Replica replica = base(id, policy, groups, clock, stored.snapshot());
    List<Quarantined> quarantined = new ArrayList<>(stored.quarantined());
    replay(replica, stored.delivered(), "delivered", quarantined);
    replay(replica, stored.pending(), "pending", quarantined);
    try {
      clock.observe(stored.clockHighWater());
    } catch (ClockDriftException e) {
      throw new StorageException(
          StorageException.Kind.MISMATCH,
          "stored clock high-water " + stored.clockHighWater() + " is refused: " + e.getMessage(),
          e);
    }
    DurableReplica durable = new DurableReplica(replica, storage, clock, quarantined);
    durable.commitStep(List.of(), List.of(), List.of(), true);
    return durable;
  }

  /** The replica the stored log suffix is replayed into: restored from the snapshot, or empty. */
  private static Replica base(
      ReplicaId id, RegisterPolicy policy, KeyGroups groups, TimestampClock clock, StoredSnapshot s)
      throws StorageException {
    if (s instanceof StoredSnapshot.Damaged d) {
      throw new StorageException(
          StorageException.Kind.DAMAGED_SNAPSHOT,
          "stored snapshot refused " + d.describe() + "; bootstrap the replica from a peer");
    }
    if (!(s instanceof StoredSnapshot.Intact intact)) {
      return Replica.create(id, policy, groups, clock);
    }
    if (intact.snapshot().policy() != policy) {
      throw new StorageException(
          StorageException.Kind.MISMATCH,
          "stored snapshot is of " + intact.snapshot().policy() + ", not " + policy);
    }
    try {
      return Replica.restore(id, intact.snapshot(), groups, clock);
    } catch (ClockDriftException e) {
      throw new StorageException(
          StorageException.Kind.MISMATCH,
          "stored snapshot's clock " + intact.snapshot().clock() + " is refused: " + e.getMessage(),
          e);
    }
  }

  private static void replay(
      Replica replica, List<Change> changes, String table, List<Quarantined> quarantined) {
    for (Change c : changes) {
      if (replica.apply(c) instanceof ApplyResult.Rejected r) {
        quarantined.add(new Quarantined(table + " change " + c.dot(), r.reason()));
      }
    }
  }

  /**
   * Offers a remote change; when this returns {@link ApplyResult.Applied}, {@link
   * ApplyResult.Buffered} or {@link ApplyResult.Duplicate}, the change is durable. A rejected
   * change stores nothing.
   */
  public ApplyResult apply(Change change) throws StorageException {
    requireHealthy();
    Map<Dot, Change> pendingBefore = new HashMap<>();
    replica.pending().forEach(c -> pendingBefore.put(c.dot(), c));
    ApplyResult result = replica.apply(change);
    if (result instanceof ApplyResult.Applied applied) {
      List<Change> delivered = new ArrayList<>();
      List<Dot> released = new ArrayList<>();
      for (Dot d : applied.delivered()) {
        Change was = pendingBefore.get(d);
        delivered.add(was != null ? was : change);
        if (was != null) {
          released.add(d);
        }
      }
      commitStep(delivered, List.of(), released, false);
    } else if (result instanceof ApplyResult.Buffered) {
      commitStep(List.of(), List.of(change), List.of(), false);
    }
    return result;
  }

  /** Makes a local change as {@link Replica#transact}; durable when it returns. */
  public Change transact(List<Op> ops) throws StorageException {
    requireHealthy();
    Change change = replica.transact(ops);
    commitStep(List.of(change), List.of(), List.of(), false);
    return change;
  }

  /**
   * Compacts the storage to the replica's snapshot ({@link Storage#storeSnapshot}) and drops the
   * replica's log: what is stored then grows with the live state, not the history. Durable when it
   * returns; a restart restores the snapshot and replays the suffix committed after it.
   */
  public void compact() throws StorageException {
    requireHealthy();
    HlcTimestamp clockNow = clock.current();
    HlcTimestamp mark = clockNow.compareTo(highWater) > 0 ? clockNow : highWater;
    try {
      storage.storeSnapshot(replica.snapshot(), mark);
    } catch (StorageException | RuntimeException e) {
      failed = true;
      throw e;
    }
    replica.compactLog();
    highWater = mark;
  }

  /** Records that failed their checksum on open, or that the replica refused when replayed. */
  public List<Quarantined> quarantined() {
    return quarantined;
  }

  /** What a reader sees now. */
  public MaterialisedMap materialise() {
    return replica.materialise();
  }

  /** Changes waiting for causal predecessors, sorted by dot. */
  public List<Change> pending() {
    return replica.pending();
  }

  /** The contiguous prefix of delivered dots per replica. */
  public VersionVector versionVector() {
    return replica.versionVector();
  }

  /** The logged delivered changes, in delivery order (after {@link #compact}, the suffix). */
  public List<Change> delivered() {
    return replica.changesSince(VersionVector.EMPTY);
  }

  /** The clock's high-water mark as last committed. */
  public HlcTimestamp clockHighWater() {
    return highWater;
  }

  /** Validates the replica; throws {@code InvariantViolation} if broken. */
  public void checkRep() {
    replica.checkRep();
  }

  @Override
  public void close() throws StorageException {
    storage.close();
  }

  private void requireHealthy() throws StorageException {
    if (failed) {
      throw new StorageException(
          StorageException.Kind.FAILED_EARLIER,
          "an earlier commit failed; the replica may be ahead of its storage: reopen it");
    }
  }

  private void commitStep(
      List<Change> delivered, List<Change> buffered, List<Dot> released, boolean complete)
      throws StorageException {
    MaterialisedMap now = replica.materialise();
    Map<Key, List<Value>> changed = complete ? now.entries() : difference(shown, now);
    HlcTimestamp clockNow = clock.current();
    HlcTimestamp mark = clockNow.compareTo(highWater) > 0 ? clockNow : highWater;
    try {
      storage.commit(new StorageBatch(delivered, buffered, released, mark, changed, complete));
    } catch (StorageException | RuntimeException e) {
      failed = true;
      throw e;
    }
    shown = now;
    highWater = mark;
  }

  /** Every key whose values differ between {@code before} and {@code after}; absent as empty. */
  static Map<Key, List<Value>> difference(MaterialisedMap before, MaterialisedMap after) {
    TreeSet<Key> keys = new TreeSet<>(before.entries().keySet());
    keys.addAll(after.entries().keySet());
    Map<Key, List<Value>> changed = new TreeMap<>();
    for (Key k : keys) {
      List<Value> now = after.get(k);
      if (!now.equals(before.get(k))) {
        changed.put(k, now);
      }
    }
    return changed;
  }
}
