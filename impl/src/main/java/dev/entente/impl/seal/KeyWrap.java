package dev.entente.impl.seal;

import java.util.Optional;

/**
 * Seam: how an epoch secret travels to a recipient. The standard wrap ({@link X25519KeyWrap}) is
 * ECIES-style: an ephemeral X25519 agreement with the recipient's key, HKDF, ChaCha20-Poly1305. A
 * mutant that sends the secret in the clear is caught by the checker that greps relay bytes for key
 * material.
 */
public interface KeyWrap {
  /**
   * {@code secret} wrapped to {@code to} under {@code context}; fresh ephemerals from {@code e}.
   */
  WrappedKey wrap(byte[] secret, Recipient to, WrapContext context, Entropy e);

  /**
   * The secret, or empty if {@code wrapped} was not made for {@code mine} under {@code context}.
   */
  Optional<byte[]> unwrap(WrappedKey wrapped, AgreementKeyPair mine, WrapContext context);
}
