package dev.entente.impl.seal;

import dev.entente.model.Check;
import java.util.Arrays;

/**
 * What a relay stores and forwards: a clear {@link FrameHeader} and the AEAD ciphertext of the
 * padded envelope. The relay learns the header (document, epoch, slot, opaque frame id, sizes) and
 * nothing else. Immutable; equality by content. {@link FrameCodec} gives its bytes.
 */
public final class SealedFrame {
  private final FrameHeader header;
  private final byte[] ciphertext;

  private SealedFrame(FrameHeader header, byte[] ciphertext) {
    this.header = header;
    this.ciphertext = ciphertext;
  }

  /** A frame; the ciphertext's length must be the header's. */
  public static SealedFrame of(FrameHeader header, byte[] ciphertext) {
    Check.argument(header != null && ciphertext != null, "frame parts must not be null");
    Check.argument(
        ciphertext.length == header.ciphertextLength(),
        "the header says %d ciphertext bytes, there are %d",
        header.ciphertextLength(),
        ciphertext.length);
    return new SealedFrame(header, ciphertext.clone());
  }

  /** The clear header. */
  public FrameHeader header() {
    return header;
  }

  /** A copy of the ciphertext. */
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  byte[] ciphertextUnsafe() {
    return ciphertext;
  }

  /** The frame's encoded size in bytes. */
  public int size() {
    return FrameHeader.LENGTH + ciphertext.length;
  }

  /** The frame's bytes ({@link FrameCodec#encode}). */
  public byte[] bytes() {
    return FrameCodec.encode(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SealedFrame f
        && header.equals(f.header)
        && Arrays.equals(ciphertext, f.ciphertext);
  }

  @Override
  public int hashCode() {
    return header.hashCode();
  }

  @Override
  public String toString() {
    return header + " (" + size() + " bytes)";
  }
}
