package dev.entente.impl.seal;

import dev.entente.model.Check;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * HKDF with HMAC-SHA-256 (RFC 5869): {@link #extract} concentrates input keying material into a
 * pseudorandom key, {@link #expand} stretches a pseudorandom key into output keying material bound
 * to an {@code info} label. Stateless and thread-safe; {@code HkdfTest} checks the RFC's SHA-256
 * test vectors.
 *
 * <p>Every key in {@code seal} is derived through here with its own domain label, so that one
 * secret never serves two purposes (the frame key, the frame-id key and the wrap key differ).
 */
public final class Hkdf {
  /** Output length of HMAC-SHA-256, the most {@link #expand} gives per block. */
  public static final int HASH_LENGTH = 32;

  private Hkdf() {}

  /** HKDF-Extract: {@code HMAC(salt, ikm)}; an empty salt stands for 32 zero bytes. */
  public static byte[] extract(byte[] salt, byte[] ikm) {
    Check.argument(salt != null && ikm != null, "salt and ikm must not be null");
    return hmac(salt.length == 0 ? new byte[HASH_LENGTH] : salt, ikm);
  }

  /** HKDF-Expand: {@code length} bytes (at most 255 blocks) from {@code prk} and {@code info}. */
  public static byte[] expand(byte[] prk, byte[] info, int length) {
    Check.argument(prk != null && info != null, "prk and info must not be null");
    Check.argument(
        length >= 0 && length <= 255 * HASH_LENGTH, "length must be in [0, 8160], was %d", length);
    byte[] out = new byte[length];
    byte[] block = new byte[0];
    for (int i = 0, done = 0; done < length; i++) {
      block = hmac(prk, block, info, new byte[] {(byte) (i + 1)});
      int n = Math.min(HASH_LENGTH, length - done);
      System.arraycopy(block, 0, out, done, n);
      done += n;
    }
    return out;
  }

  /** Extract then expand. */
  public static byte[] derive(byte[] salt, byte[] ikm, byte[] info, int length) {
    return expand(extract(salt, ikm), info, length);
  }

  /** HMAC-SHA-256 of the concatenation of {@code parts} under {@code key}. */
  public static byte[] hmac(byte[] key, byte[]... parts) {
    HMac mac = new HMac(new SHA256Digest());
    mac.init(new KeyParameter(key));
    for (byte[] part : parts) {
      mac.update(part, 0, part.length);
    }
    byte[] out = new byte[HASH_LENGTH];
    mac.doFinal(out, 0);
    return out;
  }
}
