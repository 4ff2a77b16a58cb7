package dev.entente.simulations.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical event log of a run: one line per event and per history op, in order, hashed with
 * SHA-256 as it grows. Two runs of the same (seed, options) must produce the same lines and so the
 * same {@link #hash()}. Mutable, not thread-safe.
 */
public final class TraceLog {
  private final MessageDigest digest;
  private final List<String> lines;
  private final boolean keepLines;
  private long count;

  /**
   * Creates an empty log.
   *
   * @param keepLines whether to keep the lines in memory (for trace files); the hash is always kept
   */
  public TraceLog(boolean keepLines) {
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    this.keepLines = keepLines;
    this.lines = new ArrayList<>();
  }

  /** Appends one line (no newline inside). */
  public void add(String line) {
    digest.update(line.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) '\n');
    count++;
    if (keepLines) {
      lines.add(line);
    }
  }

  /** Lines appended so far. */
  public long count() {
    return count;
  }

  /** The kept lines (empty unless the log keeps them). Unmodifiable view. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  /** The SHA-256 of every line so far, in lowercase hex. Does not disturb further appends. */
  public String hash() {
    try {
      MessageDigest copy = (MessageDigest) digest.clone();
      return HexFormat.of().formatHex(copy.digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digests are cloneable", e);
    }
  }
}
