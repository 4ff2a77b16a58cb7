package dev.entente.impl.trust;

import dev.entente.model.Check;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;

/**
 * A device's Ed25519 key pair (the JDK's SunEC provider). Immutable and thread-safe.
 *
 * <p>Key material is injected, never drawn from ambient randomness: {@link #fromSeed} derives the
 * pair deterministically from 32 seed bytes (the simulator and tests draw them from their seeded
 * generator; {@link SystemKeySource} draws them from the operating system's CSPRNG). The seed is
 * expanded by a freshly seeded SHA1PRNG, which is deterministic when seeded before its first use;
 * so a seed names exactly one key pair on every JVM with the SUN provider.
 *
 * <p>{@link #toString()} names only the public key's fingerprint: the private key is never printed.
 */
public final class DeviceKeyPair {
  /** Length of a seed. */
  public static final int SEED_LENGTH = 32;

  private final PrivateKey privateKey;
  private final DevicePublicKey publicKey;

  private DeviceKeyPair(PrivateKey privateKey, DevicePublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /** Derives the key pair that {@code seed} (32 bytes) names. */
  public static DeviceKeyPair fromSeed(byte[] seed) {
    Check.argument(seed != null, "seed must not be null");
    Check.argument(
        seed.length == SEED_LENGTH, "a seed has %d bytes, was %d", SEED_LENGTH, seed.length);
    try {
      SecureRandom expander = SecureRandom.getInstance("SHA1PRNG", "SUN");
      expander.setSeed(seed);
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, expander);
      KeyPair pair = generator.generateKeyPair();
      return new DeviceKeyPair(pair.getPrivate(), Ed25519.rawPublicKey(pair.getPublic()));
    } catch (GeneralSecurityException e) {
      // Ed25519 and SHA1PRNG are part of every JDK 17 (SunEC, SUN).
      throw new IllegalStateException("Ed25519 key generation is not available", e);
    }
  }

  /** The public half. */
  public DevicePublicKey publicKey() {
    return publicKey;
  }

  /** The 64-byte Ed25519 signature of {@code message}. */
  public byte[] sign(byte[] message) {
    Check.argument(message != null, "message must not be null");
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(privateKey);
      signer.update(message);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  @Override
  public String toString() {
    return "DeviceKeyPair[" + publicKey + "]";
  }
}
