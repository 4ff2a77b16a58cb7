package dev.entente.impl.seal;

import dev.entente.model.Check;
import java.util.Arrays;

/**
 * An epoch secret wrapped to one recipient: the sender's ephemeral X25519 public key and the AEAD
 * ciphertext of the secret (32 bytes plus the 16-byte tag). Immutable; equality by content.
 */
public final class WrappedKey {
  /** Length of the wrapped secret: a 32-byte secret and its tag. */
  public static final int CIPHERTEXT_LENGTH = 32 + Aead.TAG_LENGTH;

  private final AgreementPublicKey ephemeral;
  private final byte[] ciphertext;

  private WrappedKey(AgreementPublicKey ephemeral, byte[] ciphertext) {
    this.ephemeral = ephemeral;
    this.ciphertext = ciphertext;
  }

  /** The parts; the ciphertext has {@link #CIPHERTEXT_LENGTH} bytes. */
  public static WrappedKey of(AgreementPublicKey ephemeral, byte[] ciphertext) {
    Check.argument(ephemeral != null && ciphertext != null, "wrapped key parts must not be null");
    Check.argument(
        ciphertext.length == CIPHERTEXT_LENGTH,
        "a wrapped key has 48 bytes, was %d",
        ciphertext.length);
    return new WrappedKey(ephemeral, ciphertext.clone());
  }

  /** The sender's ephemeral public key. */
  public AgreementPublicKey ephemeral() {
    return ephemeral;
  }

  /** A copy of the ciphertext. */
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WrappedKey w
        && ephemeral.equals(w.ephemeral)
        && Arrays.equals(ciphertext, w.ciphertext);
  }

  @Override
  public int hashCode() {
    return 31 * ephemeral.hashCode() + Arrays.hashCode(ciphertext);
  }

  @Override
  public String toString() {
    return "WrappedKey[" + ephemeral + "]";
  }
}
