package dev.entente.impl.seal;

import dev.entente.model.Check;
import java.util.Optional;

/**
 * The standard {@link KeyWrap}: ephemeral-static X25519, then {@code wrapKey = HKDF(salt =
 * ephemeral || recipient key, ikm = shared secret, info = context)}, then ChaCha20-Poly1305 of the
 * secret under {@code wrapKey} with a zero nonce (each wrap key encrypts exactly one message, so a
 * fixed nonce is safe) and the context as associated data. Binding both public keys and the context
 * means a wrapped key cannot be replayed to another recipient, epoch or document. Stateless.
 */
public final class X25519KeyWrap implements KeyWrap {
  private static final byte[] ZERO_NONCE = new byte[Aead.NONCE_LENGTH];

  @Override
  public WrappedKey wrap(byte[] secret, Recipient to, WrapContext context, Entropy e) {
    Check.argument(secret.length == 32, "an epoch secret has 32 bytes, was %d", secret.length);
    AgreementKeyPair ephemeral = AgreementKeyPair.generate(e);
    byte[] shared =
        ephemeral
            .agree(to.key())
            .orElseThrow(() -> new IllegalArgumentException(to.id() + " has a low-order key"));
    byte[] key = wrapKey(shared, ephemeral.publicKey(), to.key(), context);
    byte[] ciphertext = Aead.seal(key, ZERO_NONCE, context.encode(), secret);
    return WrappedKey.of(ephemeral.publicKey(), ciphertext);
  }

  @Override
  public Optional<byte[]> unwrap(WrappedKey wrapped, AgreementKeyPair mine, WrapContext context) {
    Optional<byte[]> shared = mine.agree(wrapped.ephemeral());
    if (shared.isEmpty()) {
      return Optional.empty();
    }
    byte[] key = wrapKey(shared.get(), wrapped.ephemeral(), mine.publicKey(), context);
    return Aead.open(key, ZERO_NONCE, context.encode(), wrapped.ciphertext());
  }

  private static byte[] wrapKey(
      byte[] shared, AgreementPublicKey ephemeral, AgreementPublicKey recipient, WrapContext c) {
    byte[] salt = Bytes.concat(ephemeral.raw(), recipient.raw());
    return Hkdf.derive(salt, shared, c.encode(), Aead.KEY_LENGTH);
  }

  @Override
  public String toString() {
    return "X25519KeyWrap";
  }
}
