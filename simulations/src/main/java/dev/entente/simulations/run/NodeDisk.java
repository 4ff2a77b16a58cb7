package dev.entente.simulations.run;

import dev.entente.impl.Replica;
import dev.entente.impl.clock.TimestampClock;
import dev.entente.impl.storage.MemoryStorage;
import dev.entente.impl.storage.Storage;
import dev.entente.impl.storage.StorageBatch;
import dev.entente.impl.storage.StorageException;
import dev.entente.impl.storage.StoredState;
import dev.entente.model.Change;
import dev.entente.model.Dot;
import dev.entente.model.HlcTimestamp;
import dev.entente.model.VersionVector;
import dev.entente.simulations.cluster.ClusterFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A machine's simulated disk in a storage-backed run, and the bookkeeping the simulator keeps about
 * it: which changes the replica committed (so each step commits only what is new), which changes
 * each record holds (so a flipped bit's loss is known), and which changes are acknowledged, that
 * is, in a commit that returned. Mutable, owned by its {@link SimNode}.
 *
 * <p>The disk survives crashes; amnesia replaces it with an empty one. After a load that
 * quarantined records the disk is rewritten from the recovered replica, so a damaged record is set
 * aside once.
 */
final class NodeDisk {
  /** Bits of a record payload's smallest form: three counts and the clock mark. */
  static final int MIN_PAYLOAD_BITS = 8 * (4 + 4 + 4 + 10);

  private static final int LENGTH_BITS = 32;

  private final ClusterFactory factory;
  private MemoryStorage disk = new MemoryStorage();
  private Storage storage;
  private final Set<Dot> storedDelivered = new TreeSet<>();
  private final Set<Dot> storedPending = new TreeSet<>();
  private final Set<Dot> acknowledged = new TreeSet<>();
  private final List<Set<Dot>> recordDots = new ArrayList<>();
  private final Set<Integer> flipped = new TreeSet<>();
  private HlcTimestamp highWater = HlcTimestamp.ZERO;
  private int tearBytes = -1;

  NodeDisk(ClusterFactory factory) {
    this.factory = factory;
    this.storage = factory.newStorage(disk);
  }

  /** The simulated disk, for the storage nemesis to damage. */
  MemoryStorage disk() {
    return disk;
  }

  /** Makes the next commit crash after {@code keepBytes} bytes of its record (0: none). */
  void armTear(int keepBytes) {
    tearBytes = keepBytes;
  }

  /** Disarms a tear the next commit has not reached. */
  void disarm() {
    tearBytes = -1;
  }

  /** Amnesia: the disk is gone, and with it everything it acknowledged. */
  void wipe() {
    disk = new MemoryStorage();
    storage = factory.newStorage(disk);
    storedDelivered.clear();
    storedPending.clear();
    acknowledged.clear();
    recordDots.clear();
    flipped.clear();
    highWater = HlcTimestamp.ZERO;
    tearBytes = -1;
  }

  /**
   * Commits what {@code replica} delivered or buffered since the last commit, with the clock's
   * high-water mark; does nothing if no change is new. Durable when it returns.
   *
   * @throws StorageException if the disk refused or crashed: nothing of the step is acknowledged
   */
  void commit(Replica replica, TimestampClock clock) throws StorageException {
    List<Change> delivered = new ArrayList<>();
    for (Change c : replica.changesSince(VersionVector.EMPTY)) {
      if (!storedDelivered.contains(c.dot())) {
        delivered.add(c);
      }
    }
    List<Change> buffered = new ArrayList<>();
    Set<Dot> pendingNow = new TreeSet<>();
    for (Change c : replica.pending()) {
      pendingNow.add(c.dot());
      if (!storedPending.contains(c.dot())) {
        buffered.add(c);
      }
    }
    List<Dot> released = new ArrayList<>();
    for (Dot d : storedPending) {
      if (!pendingNow.contains(d)) {
        released.add(d);
      }
    }
    if (delivered.isEmpty() && buffered.isEmpty() && released.isEmpty()) {
      return;
    }
    HlcTimestamp now = clock.current();
    HlcTimestamp mark = now.compareTo(highWater) > 0 ? now : highWater;
    store(new StorageBatch(delivered, buffered, released, mark, Map.of(), false));
  }

  private void store(StorageBatch batch) throws StorageException {
    if (tearBytes >= 0) {
      disk.crashDuringNextCommit(tearBytes);
      tearBytes = -1;
    }
    int before = disk.recordCount();
    Set<Dot> dots = new TreeSet<>();
    batch.delivered().forEach(c -> dots.add(c.dot()));
    batch.buffered().forEach(c -> dots.add(c.dot()));
    try {
      storage.commit(batch);
    } catch (StorageException e) {
      if (disk.recordCount() > before) {
        recordDots.add(Set.of()); // a torn record: nothing in it was acknowledged
      }
      throw e;
    }
    recordDots.add(dots);
    batch.delivered().forEach(c -> storedDelivered.add(c.dot()));
    batch.buffered().forEach(c -> storedPending.add(c.dot()));
    batch.released().forEach(storedPending::remove);
    acknowledged.addAll(dots);
    highWater = batch.clockHighWater();
  }

  /** True if a bit of some stored record was flipped since the disk was last (re)written. */
  boolean flippedAny() {
    return !flipped.isEmpty();
  }

  /** Reads back the disk for a restart; the commit bookkeeping restarts from what it holds. */
  StoredState load() throws StorageException {
    StoredState s = storage.load();
    storedDelivered.clear();
    storedPending.clear();
    s.delivered().forEach(c -> storedDelivered.add(c.dot()));
    s.pending().forEach(c -> storedPending.add(c.dot()));
    highWater = s.clockHighWater();
    return s;
  }

  /**
   * The recovery contract, checked after a restart replayed the disk into {@code recovered}: it
   * holds every acknowledged change (but those stored from the first flipped record on, which are
   * replicated elsewhere) and nothing that was never acknowledged.
   *
   * @return a description of the breach, or the empty string
   */
  String breachOfRecovery(Replica recovered) {
    Set<Dot> got = new TreeSet<>();
    recovered.changesSince(VersionVector.EMPTY).forEach(c -> got.add(c.dot()));
    recovered.pending().forEach(c -> got.add(c.dot()));
    Set<Dot> mayLose = afterFirstFlip();
    List<Dot> lost = new ArrayList<>();
    for (Dot d : acknowledged) {
      if (!got.contains(d) && !mayLose.contains(d)) {
        lost.add(d);
      }
    }
    List<Dot> unacknowledged = new ArrayList<>();
    for (Dot d : got) {
      if (!acknowledged.contains(d)) {
        unacknowledged.add(d);
      }
    }
    if (lost.isEmpty() && unacknowledged.isEmpty()) {
      return "";
    }
    return "acknowledged but not recovered "
        + lost
        + "; recovered but never acknowledged "
        + unacknowledged;
  }

  /**
   * After a load that quarantined records: a fresh disk holding exactly {@code recovered}'s
   * changes, so the damage is set aside once and the bookkeeping matches the disk again.
   */
  void rewrite(Replica recovered, TimestampClock clock) throws StorageException {
    MemoryStorage fresh = new MemoryStorage();
    disk = fresh;
    storage = factory.newStorage(fresh);
    storedDelivered.clear();
    storedPending.clear();
    acknowledged.clear();
    recordDots.clear();
    flipped.clear();
    commit(recovered, clock);
  }

  /**
   * Indexes of stored records that hold a change and from which on every stored change is one that
   * each of {@code others} has: losing such a record to a flipped bit, and setting aside the later
   * changes that depended on it, loses no write the cluster acknowledged.
   */
  List<Integer> replicatedRecords(List<VersionVector> others) {
    List<Integer> out = new ArrayList<>();
    for (int i = recordDots.size() - 1; i >= 0 && !flipped.contains(i); i--) {
      Set<Dot> dots = recordDots.get(i);
      if (!coveredByAll(dots, others)) {
        break;
      }
      if (!dots.isEmpty()) {
        out.add(0, i);
      }
    }
    return out;
  }

  /**
   * The changes stored from the first flipped record on: a restart may set them aside (they are
   * replicated elsewhere) rather than deliver them past the hole the flip left.
   */
  Set<Dot> afterFirstFlip() {
    Set<Dot> out = new TreeSet<>();
    if (flipped.isEmpty()) {
      return out;
    }
    for (int i = flipped.iterator().next(); i < recordDots.size(); i++) {
      out.addAll(recordDots.get(i));
    }
    return out;
  }

  private static boolean coveredByAll(Set<Dot> dots, List<VersionVector> others) {
    if (others.isEmpty()) {
      return false;
    }
    for (VersionVector v : others) {
      for (Dot d : dots) {
        if (!v.covers(d)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Flips bit {@code payloadBit} of record {@code index}'s payload (every record's payload has at
   * least {@link #MIN_PAYLOAD_BITS}), and remembers that its changes may be lost.
   */
  void flip(int index, int payloadBit) {
    disk.flipBit(index, LENGTH_BITS + payloadBit);
    flipped.add(index);
  }
}
