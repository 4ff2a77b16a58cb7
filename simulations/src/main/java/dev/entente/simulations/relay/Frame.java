package dev.entente.simulations.relay;

import dev.entente.impl.codec.Hash32;
import dev.entente.model.Check;
import java.util.Arrays;

/**
 * What a relay stores and forwards: opaque bytes with an id the relay can compute (the SHA-256 of
 * the bytes) and a size. The first byte says, for the clients, whether the rest is an envelope
 * (sealed, or plain in the plain variant), a signed head or an epoch rotation; everything else is
 * the client's business. Immutable.
 */
public final class Frame {
  /** The kind byte of an envelope frame. */
  static final byte ENVELOPE = 'E';

  /** The kind byte of a signed-head frame. */
  static final byte HEAD = 'H';

  /** The kind byte of an epoch-rotation frame. */
  static final byte ROTATION = 'R';

  /** The kind byte of the key-in-the-clear mutant's frames (never sent by the real client). */
  static final byte KEYS = 'K';

  private final byte[] bytes;
  private final Hash32 id;

  private Frame(byte[] bytes) {
    this.bytes = bytes;
    this.id = Hash32.sha256(bytes);
  }

  /** A frame of {@code kind} around {@code payload}. */
  static Frame of(byte kind, byte[] payload) {
    byte[] b = new byte[payload.length + 1];
    b[0] = kind;
    System.arraycopy(payload, 0, b, 1, payload.length);
    return new Frame(b);
  }

  /** A frame exactly as {@code bytes} (what arrives from the relay, possibly altered). */
  static Frame wrap(byte[] bytes) {
    Check.argument(bytes != null, "frame bytes must not be null");
    return new Frame(bytes.clone());
  }

  /** The opaque id: SHA-256 of the bytes. */
  public Hash32 id() {
    return id;
  }

  /** The frame's bytes (a copy). */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Size in bytes. */
  public int size() {
    return bytes.length;
  }

  /** The kind byte, or 0 for an empty frame. */
  byte kind() {
    return bytes.length == 0 ? 0 : bytes[0];
  }

  /** The bytes after the kind byte. */
  byte[] payload() {
    return bytes.length == 0 ? bytes : Arrays.copyOfRange(bytes, 1, bytes.length);
  }

  /** A copy with byte {@code index} XORed with {@code mask} (non-zero): a tampered copy. */
  Frame flip(int index, int mask) {
    byte[] b = bytes.clone();
    b[index] ^= (byte) mask;
    return new Frame(b);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Frame f && Arrays.equals(bytes, f.bytes);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Frame[" + id + " " + bytes.length + " bytes]";
  }
}
