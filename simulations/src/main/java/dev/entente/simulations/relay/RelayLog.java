package dev.entente.simulations.relay;

import java.io.ByteArrayOutputStream;

/**
 * Every byte the relay stored and every frame it forwarded, concatenated in the order it happened:
 * {@code relay.bin}, which anyone can grep for plaintext. Mutable.
 */
public final class RelayLog {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private long stored;
  private long forwarded;

  /** Appends a frame the relay stored. */
  void stored(Frame f) {
    bytes.writeBytes(f.bytes());
    stored += f.size();
  }

  /** Appends a frame the relay forwarded. */
  void forwarded(Frame f) {
    bytes.writeBytes(f.bytes());
    forwarded += f.size();
  }

  /** The concatenation so far. */
  public byte[] bytes() {
    return bytes.toByteArray();
  }

  /** Bytes stored so far. */
  public long storedBytes() {
    return stored;
  }

  /** Bytes forwarded so far. */
  public long forwardedBytes() {
    return forwarded;
  }
}
