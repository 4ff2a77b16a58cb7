package dev.entente.impl.storage;

import dev.entente.model.Check;
import java.util.ArrayList;
import java.util.List;

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
 * </ul>
 */
public final class MemoryStorage implements Storage {
  private final List<byte[]> disk = new ArrayList<>();
  private long capacity = Long.MAX_VALUE;
  private int tearAt = -1;
  private boolean crashed;

  @Override
  public StoredState load() throws StorageException {
    crashed = false;
    return BatchRecord.load(disk);
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

  /** Caps the disk at {@code bytes}; commits that do not fit are refused. */
  public void setCapacity(long bytes) {
    Check.argument(bytes >= 0, "capacity must be >= 0, was %d", bytes);
    capacity = bytes;
  }

  /** Bytes the stored records take. */
  public long usedBytes() {
    long used = 0;
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
