package dev.entente.impl.seal;

import dev.entente.impl.codec.Hash32;
import dev.entente.impl.trust.DeviceKeyPair;
import dev.entente.impl.trust.DevicePublicKey;
import dev.entente.impl.trust.Ed25519;
import dev.entente.model.Check;
import dev.entente.model.ReplicaId;
import java.util.Arrays;

/**
 * A device's X25519 key, signed with its Ed25519 device key for one document: how a rotator learns
 * whom to wrap to without trusting the relay (an unsigned key would let the relay substitute its
 * own and read every epoch). Immutable.
 */
public final class KeyPackage {
  private final Hash32 document;
  private final ReplicaId device;
  private final AgreementPublicKey key;
  private final byte[] signature;

  private KeyPackage(Hash32 document, ReplicaId device, AgreementPublicKey key, byte[] signature) {
    this.document = document;
    this.device = device;
    this.key = key;
    this.signature = signature;
  }

  /** The package of {@code key} for {@code device}, signed with {@code signer}. */
  public static KeyPackage signed(
      Hash32 document, ReplicaId device, AgreementPublicKey key, DeviceKeyPair signer) {
    Check.argument(document != null && device != null && key != null, "null key package part");
    return new KeyPackage(document, device, key, signer.sign(signingInput(document, device, key)));
  }

  /** A package from its parts (as received); {@link #verifies} checks it. */
  public static KeyPackage of(
      Hash32 document, ReplicaId device, AgreementPublicKey key, byte[] signature) {
    Check.argument(document != null && device != null && key != null, "null key package part");
    Check.argument(signature != null && signature.length == 64, "a signature has 64 bytes");
    return new KeyPackage(document, device, key, signature.clone());
  }

  private static byte[] signingInput(Hash32 document, ReplicaId device, AgreementPublicKey key) {
    return new Bytes.Writer()
        .raw(Bytes.ascii("entente/key-package/v1"))
        .raw(document.bytes())
        .id(device)
        .raw(key.raw())
        .finish();
  }

  /** True if the signature verifies under the device's member key {@code memberKey}. */
  public boolean verifies(DevicePublicKey memberKey) {
    return Ed25519.verify(memberKey, signingInput(document, device, key), signature);
  }

  /** The recipient this package names (check {@link #verifies} first). */
  public Recipient recipient() {
    return new Recipient(device, key);
  }

  /** The document. */
  public Hash32 document() {
    return document;
  }

  /** A copy of the signature. */
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyPackage p
        && document.equals(p.document)
        && device.equals(p.device)
        && key.equals(p.key)
        && Arrays.equals(signature, p.signature);
  }

  @Override
  public int hashCode() {
    return device.hashCode() * 31 + key.hashCode();
  }

  @Override
  public String toString() {
    return "KeyPackage[" + device + " " + key + "]";
  }
}
