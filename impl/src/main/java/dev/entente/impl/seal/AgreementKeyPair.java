package dev.entente.impl.seal;

import dev.entente.model.Check;
import java.util.Optional;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * A device's X25519 key pair (RFC 7748), used only to receive wrapped epoch keys. Injected like
 * {@code DeviceKeyPair}: {@link #fromSeed} takes the 32-byte private key, drawn from an {@link
 * Entropy}. Immutable and thread-safe; {@link #toString()} names the public key's fingerprint only.
 */
public final class AgreementKeyPair {
  /** Length of a seed (a raw X25519 private key). */
  public static final int SEED_LENGTH = X25519PrivateKeyParameters.KEY_SIZE;

  private final X25519PrivateKeyParameters privateKey;
  private final AgreementPublicKey publicKey;

  private AgreementKeyPair(X25519PrivateKeyParameters privateKey) {
    this.privateKey = privateKey;
    this.publicKey = AgreementPublicKey.of(privateKey.generatePublicKey().getEncoded());
  }

  /** The key pair whose private key is {@code seed} (32 bytes, clamped as RFC 7748 says). */
  public static AgreementKeyPair fromSeed(byte[] seed) {
    Check.argument(seed != null, "seed must not be null");
    Check.argument(seed.length == SEED_LENGTH, "a seed has 32 bytes, was %d", seed.length);
    return new AgreementKeyPair(new X25519PrivateKeyParameters(seed, 0));
  }

  /** A fresh key pair drawn from {@code entropy}. */
  public static AgreementKeyPair generate(Entropy entropy) {
    return fromSeed(entropy.next(SEED_LENGTH));
  }

  /** The public half. */
  public AgreementPublicKey publicKey() {
    return publicKey;
  }

  /**
   * The 32-byte shared secret with {@code peer}, or empty if it is all zeros (a low-order peer key,
   * which a relay could plant to force a known secret).
   */
  public Optional<byte[]> agree(AgreementPublicKey peer) {
    X25519Agreement agreement = new X25519Agreement();
    agreement.init(privateKey);
    byte[] out = new byte[agreement.getAgreementSize()];
    try {
      agreement.calculateAgreement(new X25519PublicKeyParameters(peer.raw(), 0), out, 0);
    } catch (IllegalStateException lowOrder) {
      return Optional.empty();
    }
    return Optional.of(out);
  }

  @Override
  public String toString() {
    return "AgreementKeyPair[" + publicKey + "]";
  }
}
