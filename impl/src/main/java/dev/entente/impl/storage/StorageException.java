package dev.entente.impl.storage;

import org.jspecify.annotations.Nullable;

/** A storage operation failed; {@link #kind()} says how. Nothing of a failed commit is durable. */
public final class StorageException extends Exception {
  private static final long serialVersionUID = 1L;

  /** How a storage operation failed. */
  public enum Kind {
    /** The disk (or the simulated one) is full: the write was refused, nothing was stored. */
    FULL,
    /** The storage was crashed (simulated) or closed: reopen it. */
    UNAVAILABLE,
    /** The stored data belongs to something else (another policy, an unknown format version). */
    MISMATCH,
    /** An earlier commit failed, so the in-memory state may be ahead of storage: reopen. */
    FAILED_EARLIER,
    /** Any other input/output failure. */
    IO,
    /**
     * The stored snapshot is damaged (torn or with a flipped bit): the history it compacted cannot
     * be recovered from this storage; the replica must bootstrap from a peer.
     */
    DAMAGED_SNAPSHOT
  }

  private final Kind kind;

  /** A failure of the given kind. */
  public StorageException(Kind kind, String message) {
    this(kind, message, null);
  }

  /** A failure of the given kind caused by {@code cause}. */
  public StorageException(Kind kind, String message, @Nullable Throwable cause) {
    super(kind + ": " + message, cause);
    this.kind = kind;
  }

  /** How the operation failed. */
  public Kind kind() {
    return kind;
  }
}
