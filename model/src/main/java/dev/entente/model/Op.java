package dev.entente.model;

/**
 * One operation on one key inside a {@link Change}: a {@link Put} of a value or a {@link Delete}.
 * Immutable.
 */
public sealed interface Op permits Op.Put, Op.Delete {
  /** The key this operation writes. */
  Key key();

  /** Sets {@code key} to {@code value}. */
  record Put(Key key, Value value) implements Op {
    /** Validates that neither part is null. */
    public Put {
      Check.argument(key != null, "put key must not be null");
      Check.argument(value != null, "put value must not be null");
    }
  }

  /** Removes {@code key}. Under LWW the delete is kept as a tombstone so it can win over puts. */
  record Delete(Key key) implements Op {
    /** Validates that the key is not null. */
    public Delete {
      Check.argument(key != null, "delete key must not be null");
    }
  }

  /** Shorthand for a put of string key and value. */
  static Op put(String key, String value) {
    return new Put(Key.of(key), Value.of(value));
  }

  /** Shorthand for a delete of a string key. */
  static Op delete(String key) {
    return new Delete(Key.of(key));
  }
}
