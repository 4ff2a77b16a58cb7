package dev.entente.storage;

/**
 * SQLite's {@code PRAGMA synchronous} in WAL mode: what a returned commit survives.
 *
 * <ul>
 *   <li>{@link #FULL}: every commit fsyncs the write-ahead log before it returns, so a committed
 *       transaction survives a process crash, an OS crash and a power loss. The default.
 *   <li>{@link #NORMAL}: the log is fsynced only at checkpoints. A committed transaction survives a
 *       process crash (SIGKILL: the data is in the OS page cache), but an OS crash or power loss
 *       may roll back the most recent commits. The database stays consistent either way.
 * </ul>
 */
public enum Synchronous {
  /** fsync on every commit: acknowledged survives power loss. */
  FULL,
  /** fsync at checkpoints only: acknowledged survives a process crash, not a power loss. */
  NORMAL
}
