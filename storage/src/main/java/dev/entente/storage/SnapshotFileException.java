package dev.entente.storage;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot file that cannot be read, is damaged, or cannot be written; the message says which.
 */
public final class SnapshotFileException extends Exception {
  private static final long serialVersionUID = 1L;

  /** An exception with a message naming the file and what went wrong. */
  public SnapshotFileException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
