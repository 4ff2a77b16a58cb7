package dev.entente.impl.storage;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.codec.SnapshotCodec;
import dev.entente.impl.snapshot.Snapshot;
import dev.entente.model.Check;
import dev.entente.model.HlcTimestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Storage} on a simulated disk, for the simulator and tests: deterministic, and able to
 * inject the storage faults of issue 10. Mutable, not thread-safe.
 *
 * <p>The disk is a log of records, one per {@link #commit} ({@link BatchRecord}: length, payload,
 * CRC-32C). A commit writes its record and then syncs it; it is durable when it returns. The
 * materialised map is not kept: it is derived, and this storage has no SQL readers.
 *
 * <p>Faults:
 *
 * <ul>
 *   <li>{@link #crashDuringNextCommit(int)}: the next commit crashes after writing part of its
 *       record and before syncing; it throws, nothing of it is acknowledged, and on {@link #load}
 *       the torn tail is quarantined ("a crash loses the unsynced suffix, a torn last record").
 *   <li>{@link #flipBit(int, int)}: a bit of a stored record flips; its checksum catches it on
 *       load, the record is quarantined and the others are recovered.
 *   <li>{@link #setCapacity(long)}: a full disk refuses a commit with {@link
 *       StorageException.Kind#FULL} and stores nothing of it.
 *   <li>{@link #flipSnapshotBit(int)}, {@link #tearSnapshot(int)}: the stored snapshot is damaged;
 *       {@link #load} reports it as {@link StoredSnapshot.Damaged} with the offset and field.
 * </ul>
 */
public final class MemoryStorage implements Storage {
  private final List<byte[]> disk = new ArrayList<>();
  private byte @Nullable [] snapshot;
  private long capacity = Long.MAX_VALUE;
  private int tearAt = -1;
  private boolean crashed;

  @Override
  public StoredState load() throws StorageException {
    crashed = false;
    StoredState log = BatchRecord.load(disk);
    byte[] stored = snapshot;
    if (stored == null) {
      return log;
    }
    StoredSnapshot slot;
    try {
      slot = new StoredSnapshot.Intact(SnapshotCodec.decode(stored));
    } catch (DecodeException e) {
      slot = new StoredSnapshot.Damaged(e.offset(), e.field(), e.reason());
    }
    return new StoredState(
        log.delivered(), log.pending(), log.clockHighWater(), log.quarantined(), slot);
  }

  /**
   * Stores the snapshot's encoding beside the log and empties the log but for one record holding
   * the clock high-water mark; on the simulated disk this is atomic.
   */
  @Override
  public void storeSnapshot(Snapshot s, HlcTimestamp clockHighWater) throws StorageException {
    Check.argument(s != null && clockHighWater != null, "arguments must not be null");
    if (crashed) {
      throw new StorageException(
          StorageException.Kind.UNAVAILABLE, "the simulated disk crashed: load() it again");
    }
    snapshot = SnapshotCodec.encode(s);
    disk.clear();
    disk.add(
        BatchRecord.encode(
            new StorageBatch(List.of(), List.of(), List.of(), clockHighWater, Map.of(), false)));
  }

  /**
   * Flips bit {@code bit} of the stored snapshot's encoding (0 is the lowest of the first byte).
   */
  public void flipSnapshotBit(int bit) {
    byte[] s = storedSnapshot();
    Check.argument(
        bit >= 0 && bit < s.length * 8, "no bit %d in a %d-byte snapshot", bit, s.length);
    s[bit / 8] ^= (byte) (1 << (bit % 8));
  }

  /** Cuts the stored snapshot's encoding to its first {@code keepBytes} bytes (a torn write). */
  public void tearSnapshot(int keepBytes) {
    byte[] s = storedSnapshot();
    Check.argument(
        keepBytes >= 0 && keepBytes < s.length, "keep %d of %d bytes", keepBytes, s.length);
    snapshot = java.util.Arrays.copyOf(s, keepBytes);
  }

  @Override
  public void commit(StorageBatch batch) throws StorageException {
    Check.argument(batch != null, "batch must not be null");
    if (crashed) {
      throw new StorageException(
          StorageException.Kind.UNAVAILABLE, "the simulated disk crashed: load() it again");
    }
    byte[] record = BatchRecord.encode(batch);
    long used = usedBytes();
    if (used + record.length > capacity) {
      throw new StorageException(
          StorageException.Kind.FULL,
          "disk full: a record of "
              + record.length
              + " bytes does not fit in "
              + (capacity - used)
              + " free bytes; nothing of the commit is stored");
    }
    if (tearAt >= 0) {
      int keep = Math.min(tearAt, record.length - 1);
      tearAt = -1;
      crashed = true;
      if (keep > 0) {
        disk.add(java.util.Arrays.copyOf(record, keep));
      }
      throw new StorageException(
          StorageException.Kind.UNAVAILABLE,
          "the simulated disk crashed during the commit after " + keep + " bytes");
    }
    disk.add(record);
  }

  /**
   * Makes the next commit crash after {@code keepBytes} bytes of its record reached the disk (0:
   * none did, the whole unsynced suffix is lost; more: a torn last record).
   */
  public void crashDuringNextCommit(int keepBytes) {
    Check.argument(keepBytes >= 0, "keepBytes must be >= 0, was %d", keepBytes);
    tearAt = keepBytes;
  }

  /**
   * Flips bit {@code bit} (0 is the lowest bit of the first byte) of stored record {@code index}.
   */
  public void flipBit(int index, int bit) {
    Check.argument(index >= 0 && index < disk.size(), "no record %d of %d", index, disk.size());
    byte[] record = disk.get(index);
    Check.argument(bit >= 0 && bit < record.length * 8, "no bit %d in record %d", bit, index);
    record[bit / 8] ^= (byte) (1 << (bit % 8));
  }

  private byte[] storedSnapshot() {
    byte[] s = snapshot;
    if (s == null) {
      throw new IllegalArgumentException("no snapshot is stored");
    }
    return s;
  }

  /** Caps the disk at {@code bytes}; commits that do not fit are refused. */
  public void setCapacity(long bytes) {
    Check.argument(bytes >= 0, "capacity must be >= 0, was %d", bytes);
    capacity = bytes;
  }

  /** Bytes the stored records (and the snapshot) take. */
  public long usedBytes() {
    byte[] s = snapshot;
    long used = s == null ? 0 : s.length;
    for (byte[] r : disk) {
      used += r.length;
    }
    return used;
  }

  /** Number of records on the disk, torn ones included. */
  public int recordCount() {
    return disk.size();
  }

  @Override
  public void close() {
    // Nothing to release: the simulated disk outlives its users, like a real one.
  }
}
