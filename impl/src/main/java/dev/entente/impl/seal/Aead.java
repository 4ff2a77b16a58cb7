package dev.entente.impl.seal;

import dev.entente.model.Check;
import java.util.Optional;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * ChaCha20-Poly1305 (RFC 8439) through BouncyCastle's lightweight API: a 32-byte key, a 12-byte
 * nonce, a 16-byte tag. Stateless and thread-safe (a cipher per call).
 *
 * <p>The caller must never use one (key, nonce) pair for two different plaintexts; {@code seal}
 * guarantees it by deriving a key per frame (see docs/e2ee.md, "Nonces").
 */
public final class Aead {
  /** Key length. */
  public static final int KEY_LENGTH = 32;

  /** Nonce length. */
  public static final int NONCE_LENGTH = 12;

  /** Tag length appended to every ciphertext. */
  public static final int TAG_LENGTH = 16;

  private Aead() {}

  /** {@code plaintext} encrypted and authenticated together with {@code associatedData}. */
  public static byte[] seal(byte[] key, byte[] nonce, byte[] associatedData, byte[] plaintext) {
    ChaCha20Poly1305 cipher = cipher(true, key, nonce, associatedData);
    byte[] out = new byte[plaintext.length + TAG_LENGTH];
    int n = cipher.processBytes(plaintext, 0, plaintext.length, out, 0);
    try {
      cipher.doFinal(out, n);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 refused to encrypt", e);
    }
    return out;
  }

  /** The plaintext, or empty if the tag does not verify (wrong key, nonce, data or bytes). */
  public static Optional<byte[]> open(
      byte[] key, byte[] nonce, byte[] associatedData, byte[] ciphertext) {
    if (ciphertext.length < TAG_LENGTH) {
      return Optional.empty();
    }
    ChaCha20Poly1305 cipher = cipher(false, key, nonce, associatedData);
    byte[] out = new byte[ciphertext.length - TAG_LENGTH];
    int n = cipher.processBytes(ciphertext, 0, ciphertext.length, out, 0);
    try {
      cipher.doFinal(out, n);
    } catch (InvalidCipherTextException tagMismatch) {
      return Optional.empty();
    }
    return Optional.of(out);
  }

  private static ChaCha20Poly1305 cipher(
      boolean encrypt, byte[] key, byte[] nonce, byte[] associatedData) {
    Check.argument(key.length == KEY_LENGTH, "an AEAD key has 32 bytes, was %d", key.length);
    Check.argument(nonce.length == NONCE_LENGTH, "a nonce has 12 bytes, was %d", nonce.length);
    ChaCha20Poly1305 cipher = new ChaCha20Poly1305();
    cipher.init(
        encrypt, new AEADParameters(new KeyParameter(key), 8 * TAG_LENGTH, nonce, associatedData));
    return cipher;
  }
}
