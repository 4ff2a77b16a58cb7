package dev.entente.impl.seal;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.codec.Hash32;
import dev.entente.model.Check;

/**
 * The binary form of a {@link SealedFrame}, version 1. Canonical: {@code decode(encode(f))} equals
 * {@code f}, and every other input is a {@link DecodeException} naming the offset and field. No
 * checksum: the AEAD tag authenticates every byte, the header through the associated data.
 *
 * <pre>
 * size  field              rule
 * [4]   magic              "ENTF"
 * [1]   version            1
 * [32]  document           document id
 * [32]  epoch              epoch id (EpochRotation.id)
 * [2]   slot               the author's index in the epoch's roster
 * [32]  frameId            HMAC of the envelope hash under the epoch's frame-id key
 * [12]  nonce              ChaCha20-Poly1305 nonce
 * [4]   ciphertext.length  at least 16
 * [n]   ciphertext         AEAD(frame key, nonce, AD(header), padded plaintext) with its tag
 * </pre>
 */
public final class FrameCodec {
  private FrameCodec() {}

  /** The frame's bytes. */
  public static byte[] encode(SealedFrame frame) {
    Check.argument(frame != null, "frame must not be null");
    return Bytes.concat(frame.header().encode(), frame.ciphertextUnsafe());
  }

  /**
   * Decodes a frame.
   *
   * @throws DecodeException if {@code bytes} is not exactly one version-1 frame
   */
  public static SealedFrame decode(byte[] bytes) throws DecodeException {
    Check.argument(bytes != null, "bytes must not be null");
    Bytes.Reader r = new Bytes.Reader(bytes);
    r.magic(FrameHeader.MAGIC, "magic");
    int version = r.u8("version");
    if (version != FrameHeader.VERSION) {
      throw r.error(4, "version", "unsupported frame version " + version + ", expected 1");
    }
    Hash32 document = r.hash("document");
    Hash32 epoch = r.hash("epoch");
    int slot = r.u16("slot");
    Hash32 frameId = r.hash("frameId");
    byte[] nonce = r.raw(Aead.NONCE_LENGTH, "nonce");
    int lengthAt = r.position();
    long length = r.u32("ciphertext.length");
    if (length < Aead.TAG_LENGTH || length != r.remaining()) {
      throw r.error(
          lengthAt,
          "ciphertext.length",
          "must be at least 16 and equal the " + r.remaining() + " bytes left, was " + length);
    }
    byte[] ciphertext = r.raw((int) length, "ciphertext");
    r.requireEnd("the ciphertext");
    return SealedFrame.of(
        FrameHeader.of(document, epoch, slot, frameId, nonce, (int) length), ciphertext);
  }
}
