package dev.entente.impl.seal;

/**
 * Seam: where a frame's 12-byte AEAD nonce comes from. The standard source draws it from the
 * keyring's {@link Entropy}; a mutant may return a constant to show that the opener's
 * replayed-nonce check bites. Safety never rests on this source alone: the frame key is derived per
 * frame id, so a repeated nonce never repeats a (key, nonce) pair for two different plaintexts
 * (docs/e2ee.md).
 */
@FunctionalInterface
public interface NonceSource {
  /** The next nonce, {@link Aead#NONCE_LENGTH} bytes. */
  byte[] next();

  /** 96 fresh bits from {@code entropy} per nonce. */
  static NonceSource from(Entropy entropy) {
    return () -> entropy.next(Aead.NONCE_LENGTH);
  }
}
