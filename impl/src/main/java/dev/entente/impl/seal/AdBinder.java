package dev.entente.impl.seal;

import java.nio.charset.StandardCharsets;

/**
 * Seam: the AEAD associated data of a frame, from its clear header. The standard binder binds the
 * whole header (document, epoch, author slot, frame id, nonce, length) under a domain tag, so a
 * relay that moves a ciphertext to another document, epoch, slot or id makes the tag fail. A mutant
 * that binds nothing lets a moved frame open, and the opener then blames the author ({@link
 * FrameRejection.HeaderDisagrees}): the checker that no honest author is ever blamed bites.
 */
@FunctionalInterface
public interface AdBinder {
  /** The associated data for {@code header}. */
  byte[] bind(FrameHeader header);

  /** The standard binder: {@code "entente/frame-ad/v1" || header bytes}. */
  static AdBinder standard() {
    byte[] tag = "entente/frame-ad/v1".getBytes(StandardCharsets.US_ASCII);
    return header -> Bytes.concat(tag, header.encode());
  }
}
