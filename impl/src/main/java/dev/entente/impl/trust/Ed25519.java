package dev.entente.impl.trust;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** Ed25519 verification over raw 32-byte public keys. Stateless and thread-safe. */
public final class Ed25519 {
  private Ed25519() {}

  /**
   * True if {@code signature} is a valid Ed25519 signature of {@code message} by {@code key}. A key
   * that is not a point on the curve, or a signature of the wrong length, verifies false: the bytes
   * come from the network, so a bad one is a failed verification, not an error.
   */
  public static boolean verify(DevicePublicKey key, byte[] message, byte[] signature) {
    if (signature.length != 64) {
      return false;
    }
    Ed25519PublicKeyParameters publicKey;
    try {
      publicKey = new Ed25519PublicKeyParameters(key.raw(), 0);
    } catch (IllegalArgumentException notOnTheCurve) {
      return false;
    }
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, publicKey);
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(signature);
  }
}
