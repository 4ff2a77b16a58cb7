package dev.entente.impl.trust;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Ed25519 verification and the conversion between the JDK's key objects and raw 32-byte keys.
 * Stateless and thread-safe.
 */
public final class Ed25519 {
  /** The X.509 SubjectPublicKeyInfo prefix of every Ed25519 key (RFC 8410), before the raw key. */
  private static final byte[] SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private Ed25519() {}

  /**
   * True if {@code signature} is a valid Ed25519 signature of {@code message} by {@code key}. A key
   * that is not a point on the curve, or a signature of the wrong length, verifies false.
   */
  public static boolean verify(DevicePublicKey key, byte[] message, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(toJdk(key));
      verifier.update(message);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      // An invalid key encoding or signature is a failed verification, not an error: the bytes
      // come from the network.
      return false;
    }
  }

  static DevicePublicKey rawPublicKey(PublicKey key) {
    byte[] spki = key.getEncoded();
    return DevicePublicKey.of(Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length));
  }

  private static PublicKey toJdk(DevicePublicKey key) throws GeneralSecurityException {
    byte[] raw = key.raw();
    byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + raw.length);
    System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, raw.length);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
  }
}
