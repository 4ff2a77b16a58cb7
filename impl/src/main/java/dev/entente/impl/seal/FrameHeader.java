package dev.entente.impl.seal;

import dev.entente.impl.codec.Hash32;
import dev.entente.model.Check;
import java.util.Arrays;

/**
 * The clear part of a {@link SealedFrame}: everything a relay sees. The document id, the epoch id
 * (which epoch key sealed it), the author slot (the author's index in that epoch's roster: a
 * pseudonym per epoch, which the relay could learn anyway from who uploads), the frame id (a keyed
 * MAC of the envelope hash, so the relay can deduplicate but cannot test a guess of the content),
 * the nonce and the ciphertext length. Immutable; equality by content.
 */
public final class FrameHeader {
  /** Encoded length of a header. */
  public static final int LENGTH = 4 + 1 + 32 + 32 + 2 + 32 + Aead.NONCE_LENGTH + 4;

  static final byte[] MAGIC = {'E', 'N', 'T', 'F'};
  static final int VERSION = 1;

  private final Hash32 document;
  private final Hash32 epoch;
  private final int slot;
  private final Hash32 frameId;
  private final byte[] nonce;
  private final int ciphertextLength;

  private FrameHeader(
      Hash32 document, Hash32 epoch, int slot, Hash32 frameId, byte[] nonce, int length) {
    this.document = document;
    this.epoch = epoch;
    this.slot = slot;
    this.frameId = frameId;
    this.nonce = nonce;
    this.ciphertextLength = length;
  }

  /** Validates and copies the parts. */
  public static FrameHeader of(
      Hash32 document, Hash32 epoch, int slot, Hash32 frameId, byte[] nonce, int ciphertextLength) {
    Check.argument(document != null && epoch != null && frameId != null, "null header part");
    Check.argument(
        slot >= 0 && slot <= Roster.MAX_SIZE, "slot must be in [0, 65535], was %d", slot);
    Check.argument(nonce != null && nonce.length == Aead.NONCE_LENGTH, "a nonce has 12 bytes");
    Check.argument(
        ciphertextLength >= Aead.TAG_LENGTH,
        "a ciphertext has at least 16 bytes, was %d",
        ciphertextLength);
    return new FrameHeader(document, epoch, slot, frameId, nonce.clone(), ciphertextLength);
  }

  /** The canonical header bytes, as {@link FrameCodec} writes them. */
  public byte[] encode() {
    return new Bytes.Writer()
        .raw(MAGIC)
        .u8(VERSION)
        .raw(document.bytes())
        .raw(epoch.bytes())
        .u16(slot)
        .raw(frameId.bytes())
        .raw(nonce)
        .u32(ciphertextLength)
        .finish();
  }

  /** The document id. */
  public Hash32 document() {
    return document;
  }

  /** The id of the epoch whose key sealed the frame. */
  public Hash32 epoch() {
    return epoch;
  }

  /** The author's index in the epoch's roster. */
  public int slot() {
    return slot;
  }

  /** The opaque frame id. */
  public Hash32 frameId() {
    return frameId;
  }

  /** A copy of the nonce. */
  public byte[] nonce() {
    return nonce.clone();
  }

  /** Length of the ciphertext that follows, tag included. */
  public int ciphertextLength() {
    return ciphertextLength;
  }

  /** This header with another document (what a relay that moves a frame would write). */
  public FrameHeader withDocument(Hash32 d) {
    return of(d, epoch, slot, frameId, nonce, ciphertextLength);
  }

  /** This header with another epoch. */
  public FrameHeader withEpoch(Hash32 e) {
    return of(document, e, slot, frameId, nonce, ciphertextLength);
  }

  /** This header with another slot. */
  public FrameHeader withSlot(int s) {
    return of(document, epoch, s, frameId, nonce, ciphertextLength);
  }

  /** This header with another frame id. */
  public FrameHeader withFrameId(Hash32 id) {
    return of(document, epoch, slot, id, nonce, ciphertextLength);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FrameHeader h
        && document.equals(h.document)
        && epoch.equals(h.epoch)
        && slot == h.slot
        && frameId.equals(h.frameId)
        && Arrays.equals(nonce, h.nonce)
        && ciphertextLength == h.ciphertextLength;
  }

  @Override
  public int hashCode() {
    return frameId.hashCode() * 31 + slot;
  }

  @Override
  public String toString() {
    return "frame " + frameId.toString().substring(0, 12) + " slot " + slot;
  }
}
