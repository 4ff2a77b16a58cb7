package dev.entente.node.wire;

/**
 * Bytes that are not a valid frame: the sender's fault. Names the byte offset inside the frame body
 * and the field being read, so that the relay's log line says what was wrong and where: {@code at
 * byte 3 (frame.name.length): 0 is not in 1..64}. Immutable.
 */
public final class FrameException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int offset;
  private final String field;

  /** A failure at {@code offset} while reading {@code field}, for {@code reason}. */
  public FrameException(int offset, String field, String reason) {
    super("at byte " + offset + " (" + field + "): " + reason);
    this.offset = offset;
    this.field = field;
  }

  /** Where in the frame body the bad field starts. */
  public int offset() {
    return offset;
  }

  /** The path of the field, such as {@code frame.type}. */
  public String field() {
    return field;
  }
}
