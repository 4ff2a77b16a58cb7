/**
 * End-to-end encryption for an untrusted relay: a signed envelope is sealed under its document's
 * epoch key into an opaque {@link dev.entente.impl.seal.SealedFrame} (ChaCha20-Poly1305, header as
 * associated data, PADMÉ padding), and epoch keys rotate on membership change, wrapped to each
 * reader's X25519 key (HKDF, RFC 5869). Sans-IO: secrets come from an injected {@link
 * dev.entente.impl.seal.Entropy}. The entry point is {@link dev.entente.impl.seal.EpochKeyring};
 * the design and its limits are in docs/e2ee.md.
 */
package dev.entente.impl.seal;
