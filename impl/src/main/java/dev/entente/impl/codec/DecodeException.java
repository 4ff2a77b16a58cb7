package dev.entente.impl.codec;

import org.jspecify.annotations.Nullable;

/**
 * Bytes that are not a valid canonical encoding: the input's fault, never a bug in the codec.
 *
 * <p>Carries where the decoder was ({@link #offset()}, a byte position in the whole input) and what
 * it was reading ({@link #field()}, a path such as {@code change.ops[2].key.length}), so that a
 * report about a corrupt file or message can point at the bad byte. The message reads {@code at
 * byte 17 (change.seen[1].replica): <reason>}. Immutable.
 */
public final class DecodeException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int offset;
  private final String field;
  private final String reason;

  /**
   * Creates an exception for a failure at {@code offset} while reading {@code field}.
   *
   * @param offset the byte position in the input where the bad field starts
   * @param field the path of the field being read, e.g. {@code change.seen[1].counter}
   * @param reason what is wrong, with the offending values
   */
  public DecodeException(int offset, String field, String reason) {
    this(offset, field, reason, null);
  }

  /** Like {@link #DecodeException(int, String, String)}, keeping the model's rejection as cause. */
  public DecodeException(int offset, String field, String reason, @Nullable Throwable cause) {
    super("at byte " + offset + " (" + field + "): " + reason, cause);
    this.offset = offset;
    this.field = field;
    this.reason = reason;
  }

  /** The byte position in the input where the bad field starts. */
  public int offset() {
    return offset;
  }

  /** The path of the field being read, e.g. {@code change.ops[2].key.length}. */
  public String field() {
    return field;
  }

  /** What is wrong with the field, without the position. */
  public String reason() {
    return reason;
  }
}
