package dev.entente.histories;

import org.jspecify.annotations.Nullable;

/**
 * A history file could not be read: it is truncated, malformed, or holds an op that is not a valid
 * Jepsen op. The message names the file, the line and column when known (1-based; 0 = unknown) and
 * the reason.
 */
public final class HistoryParseException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;
  private final long column;
  private final String reason;

  /** A parse error at {@code line}:{@code column} of {@code source} (0 when unknown). */
  public HistoryParseException(String source, long line, long column, String reason) {
    this(source, line, column, reason, null);
  }

  /** As above, with the underlying cause. */
  public HistoryParseException(
      String source, long line, long column, String reason, @Nullable Throwable cause) {
    super(format(source, line, column, reason), cause);
    this.source = source;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  /** The file (or other source) that failed. */
  public String source() {
    return source;
  }

  /** The 1-based line, or 0 when unknown. */
  public long line() {
    return line;
  }

  /** The 1-based column, or 0 when unknown. */
  public long column() {
    return column;
  }

  /** The reason, without the location. */
  public String reason() {
    return reason;
  }

  private static String format(String source, long line, long column, String reason) {
    StringBuilder s = new StringBuilder(source);
    if (line > 0) {
      s.append(':').append(line);
      if (column > 0) {
        s.append(':').append(column);
      }
    }
    return s.append(": ").append(reason).toString();
  }
}
