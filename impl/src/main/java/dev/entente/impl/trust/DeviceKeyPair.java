package dev.entente.impl.trust;

import dev.entente.model.Check;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A device's Ed25519 key pair (RFC 8032, BouncyCastle's lightweight implementation, which the
 * {@code TrustBenchmark} measured 8 to 35 times faster than the JDK's SunEC on this machine).
 * Immutable and thread-safe.
 *
 * <p>Key material is injected, never drawn from ambient randomness: {@link #fromSeed} takes the
 * 32-byte RFC 8032 private key (the simulator and tests draw it from their seeded generator; {@link
 * SystemKeySource} draws it from the operating system's CSPRNG), so a seed names exactly one key
 * pair everywhere.
 *
 * <p>{@link #toString()} names only the public key's fingerprint: the private key is never printed.
 */
public final class DeviceKeyPair {
  /** Length of a seed (an RFC 8032 private key). */
  public static final int SEED_LENGTH = Ed25519PrivateKeyParameters.KEY_SIZE;

  private final Ed25519PrivateKeyParameters privateKey;
  private final DevicePublicKey publicKey;

  private DeviceKeyPair(Ed25519PrivateKeyParameters privateKey) {
    this.privateKey = privateKey;
    this.publicKey = DevicePublicKey.of(privateKey.generatePublicKey().getEncoded());
  }

  /** The key pair whose private key is {@code seed} (32 bytes). */
  public static DeviceKeyPair fromSeed(byte[] seed) {
    Check.argument(seed != null, "seed must not be null");
    Check.argument(
        seed.length == SEED_LENGTH, "a seed has %d bytes, was %d", SEED_LENGTH, seed.length);
    return new DeviceKeyPair(new Ed25519PrivateKeyParameters(seed, 0));
  }

  /** The public half. */
  public DevicePublicKey publicKey() {
    return publicKey;
  }

  /** The 64-byte Ed25519 signature of {@code message} (deterministic, as RFC 8032 specifies). */
  public byte[] sign(byte[] message) {
    Check.argument(message != null, "message must not be null");
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, privateKey);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  @Override
  public String toString() {
    return "DeviceKeyPair[" + publicKey + "]";
  }
}
