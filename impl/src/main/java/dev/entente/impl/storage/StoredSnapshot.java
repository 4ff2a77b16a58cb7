package dev.entente.impl.storage;

import dev.entente.impl.snapshot.Snapshot;
import dev.entente.model.Check;

/**
 * The snapshot slot of a {@link StoredState}: nothing was ever compacted, the stored snapshot
 * decoded intact, or it is damaged (torn or with a flipped bit) and refused. Immutable.
 */
public sealed interface StoredSnapshot {
  /** No snapshot is stored: the log holds the whole history. */
  StoredSnapshot NONE = new None();

  /** No snapshot is stored. */
  record None() implements StoredSnapshot {}

  /**
   * The stored snapshot; the stored log is the suffix after it.
   *
   * @param snapshot the decoded snapshot
   */
  record Intact(Snapshot snapshot) implements StoredSnapshot {
    /** Validates that the snapshot is not null. */
    public Intact {
      Check.argument(snapshot != null, "snapshot must not be null");
    }
  }

  /**
   * The stored snapshot failed to decode; the history it compacted cannot be recovered locally.
   *
   * @param offset the byte offset of the damage
   * @param field the field at fault, e.g. {@code snapshot.entries.checksum}
   * @param reason what is wrong there
   */
  record Damaged(int offset, String field, String reason) implements StoredSnapshot {
    /** Validates that no part is null. */
    public Damaged {
      Check.argument(field != null && reason != null, "field and reason must not be null");
    }

    /** {@code at byte N (field): reason}. */
    public String describe() {
      return "at byte " + offset + " (" + field + "): " + reason;
    }
  }
}
