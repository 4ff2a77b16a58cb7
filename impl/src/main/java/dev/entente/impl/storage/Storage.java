package dev.entente.impl.storage;

import dev.entente.impl.snapshot.Snapshot;
import dev.entente.model.HlcTimestamp;

/**
 * Where a replica keeps what it must not forget: the changes it delivered (in delivery order, each
 * in {@link dev.entente.impl.codec.ChangeCodec}'s canonical encoding, whose CRC-32C lets a reader
 * detect damage), the changes it buffers (pending causal predecessors), the clock's high-water
 * mark, a materialised copy of the map for readers that are not the replica, and, once compacted,
 * the snapshot the log is a suffix of ({@link #storeSnapshot}).
 *
 * <p>Durability contract:
 *
 * <ul>
 *   <li>{@link #commit} is atomic and durable when it returns: after a crash at any moment, {@link
 *       #load} sees either the whole batch or none of it, and sees it whole if {@code commit}
 *       returned. "Durable" means surviving the failures the implementation names (SQLite with
 *       {@code synchronous=FULL}: process crash and power loss; with {@code NORMAL}: process crash
 *       only). Callers acknowledge a change only after {@code commit} returned.
 *   <li>If {@code commit} throws, nothing of the batch may be assumed stored; the caller must stop
 *       using its in-memory state and reopen from {@link #load}.
 *   <li>{@link #load} returns every record that passes its checksum; a record that fails is
 *       reported in {@link StoredState#quarantined()} with the row and what broke, and left out.
 * </ul>
 *
 * <p>Implementations are not required to be thread-safe: one replica owns one storage.
 */
public interface Storage extends AutoCloseable {
  /** Reads back everything committed so far. */
  StoredState load() throws StorageException;

  /** Stores {@code batch} atomically; durable when it returns (see the class contract). */
  void commit(StorageBatch batch) throws StorageException;

  /**
   * Compacts what is stored to {@code snapshot}: atomically, the snapshot replaces every stored
   * delivered and buffered change (the snapshot holds them), and the clock high-water mark becomes
   * {@code clockHighWater}; later commits are the log suffix a {@link #load} returns after it.
   * Durable when it returns, under the same contract as {@link #commit}.
   */
  void storeSnapshot(Snapshot snapshot, HlcTimestamp clockHighWater) throws StorageException;

  /** Releases the storage; committed batches stay durable. */
  @Override
  void close() throws StorageException;
}
