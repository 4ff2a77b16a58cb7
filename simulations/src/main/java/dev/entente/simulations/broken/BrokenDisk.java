package dev.entente.simulations.broken;

import dev.entente.impl.snapshot.Snapshot;
import dev.entente.impl.storage.MemoryStorage;
import dev.entente.impl.storage.Storage;
import dev.entente.impl.storage.StorageBatch;
import dev.entente.impl.storage.StorageException;
import dev.entente.impl.storage.StoredState;
import dev.entente.model.Change;
import dev.entente.model.HlcTimestamp;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A storage over the simulated disk with one flaw of the storage layer: each is a bug that real
 * embedded stores and their callers have shipped. Mutable, one per machine.
 */
public final class BrokenDisk implements Storage {
  /** What is broken. */
  public enum Flaw {
    /**
     * Recovery trusts the write-back cache: the batch whose commit crashed before it was synced (so
     * it was never acknowledged) is replayed on the next load as if it had been stored.
     */
    REPLAYS_UNSYNCED_SUFFIX,
    /**
     * The last commit returned before its record was really durable (an fsync that lies, or {@code
     * synchronous=NORMAL} under power loss): a crash loses that acknowledged record.
     */
    LOSES_LAST_ACKNOWLEDGED
  }

  private final MemoryStorage disk;
  private final Flaw flaw;
  private @Nullable StorageBatch unsynced;
  private @Nullable StorageBatch lastAcknowledged;

  /** A storage over {@code disk} with {@code flaw}. */
  public BrokenDisk(MemoryStorage disk, Flaw flaw) {
    this.disk = disk;
    this.flaw = flaw;
  }

  @Override
  public StoredState load() throws StorageException {
    StoredState s = disk.load();
    StorageBatch last = lastAcknowledged;
    lastAcknowledged = null;
    if (flaw == Flaw.LOSES_LAST_ACKNOWLEDGED && last != null) {
      List<Change> delivered = new ArrayList<>(s.delivered());
      delivered.removeAll(last.delivered());
      List<Change> pending = new ArrayList<>(s.pending());
      pending.removeAll(last.buffered());
      return new StoredState(delivered, pending, s.clockHighWater(), s.quarantined(), s.snapshot());
    }
    StorageBatch cached = unsynced;
    unsynced = null;
    if (cached == null) {
      return s;
    }
    List<Change> delivered = new ArrayList<>(s.delivered());
    delivered.addAll(cached.delivered());
    List<Change> pending = new ArrayList<>(s.pending());
    pending.addAll(cached.buffered());
    return new StoredState(delivered, pending, s.clockHighWater(), s.quarantined(), s.snapshot());
  }

  /** Compacts the disk; the flaws are in the log, so this is the real thing. */
  @Override
  public void storeSnapshot(Snapshot snapshot, HlcTimestamp clockHighWater)
      throws StorageException {
    disk.storeSnapshot(snapshot, clockHighWater);
  }

  @Override
  public void commit(StorageBatch batch) throws StorageException {
    try {
      disk.commit(batch);
    } catch (StorageException e) {
      if (flaw == Flaw.REPLAYS_UNSYNCED_SUFFIX && e.kind() == StorageException.Kind.UNAVAILABLE) {
        unsynced = batch;
      }
      throw e;
    }
    lastAcknowledged = batch;
  }

  @Override
  public void close() {
    // The simulated disk outlives its users.
  }
}
