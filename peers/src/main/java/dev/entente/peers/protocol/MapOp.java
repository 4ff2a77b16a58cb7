package dev.entente.peers.protocol;

import org.jspecify.annotations.Nullable;

/**
 * One key of a {@code transact}: a put of {@code value}, or a delete when {@code value} is null.
 * Immutable.
 */
public record MapOp(String key, @Nullable String value) {
  /** A put. */
  public static MapOp put(String key, String value) {
    return new MapOp(key, value);
  }

  /** A delete. */
  public static MapOp delete(String key) {
    return new MapOp(key, null);
  }

  /** True for a delete. */
  public boolean isDelete() {
    return value == null;
  }
}
