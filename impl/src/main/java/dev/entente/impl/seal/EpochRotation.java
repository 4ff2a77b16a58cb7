package dev.entente.impl.seal;

import dev.entente.impl.codec.Hash32;
import dev.entente.impl.trust.DeviceKeyPair;
import dev.entente.impl.trust.DevicePublicKey;
import dev.entente.impl.trust.Ed25519;
import dev.entente.model.Check;
import dev.entente.model.ReplicaId;
import java.util.List;

/**
 * The start of a new epoch: its number, the rotator, the roster of readers (the rotator among
 * them), the epoch secret wrapped to each reader's X25519 key (aligned with the roster), and the
 * rotator's Ed25519 signature. A relay sees it whole; it learns the roster (ids and agreement keys)
 * but no secret. Immutable; equality by content.
 *
 * <p>{@link #id()} is the SHA-256 of the unsigned body under a domain tag: frames name their epoch
 * by it. The signature is over {@code "entente/epoch-sig/v1" || document || id}, so it fixes every
 * byte of the body.
 */
public final class EpochRotation {
  /** Length of the signature. */
  public static final int SIGNATURE_LENGTH = 64;

  static final byte[] MAGIC = {'E', 'N', 'T', 'R'};
  static final int VERSION = 1;

  private final Hash32 document;
  private final long number;
  private final ReplicaId rotator;
  private final Roster roster;
  private final List<WrappedKey> wraps;
  private final byte[] signature;
  private final Hash32 id;

  private EpochRotation(
      Hash32 document,
      long number,
      ReplicaId rotator,
      Roster roster,
      List<WrappedKey> wraps,
      byte[] signature) {
    this.document = document;
    this.number = number;
    this.rotator = rotator;
    this.roster = roster;
    this.wraps = wraps;
    this.signature = signature;
    this.id = Hash32.sha256(Bytes.ascii("entente/epoch-id/v1"), body());
  }

  /** A rotation from its parts; {@code wraps.get(i)} is for {@code roster.get(i)}. */
  public static EpochRotation of(
      Hash32 document,
      long number,
      ReplicaId rotator,
      Roster roster,
      List<WrappedKey> wraps,
      byte[] signature) {
    Check.argument(document != null && rotator != null && roster != null, "null rotation part");
    Check.argument(number >= 1 && number <= 0xffff_ffffL, "epoch number must be in [1, 2^32)");
    Check.argument(wraps != null && wraps.size() == roster.size(), "one wrapped key per reader");
    Check.argument(
        signature != null && signature.length == SIGNATURE_LENGTH, "a signature has 64 bytes");
    return new EpochRotation(
        document, number, rotator, roster, List.copyOf(wraps), signature.clone());
  }

  /** The signed rotation; {@code device} is the rotator's key pair. */
  static EpochRotation signed(
      Hash32 document,
      long number,
      ReplicaId rotator,
      Roster roster,
      List<WrappedKey> wraps,
      DeviceKeyPair device) {
    EpochRotation unsigned =
        of(document, number, rotator, roster, wraps, new byte[SIGNATURE_LENGTH]);
    byte[] signature = device.sign(signingInput(document, unsigned.id()));
    return of(document, number, rotator, roster, wraps, signature);
  }

  static byte[] signingInput(Hash32 document, Hash32 id) {
    return Bytes.concat(Bytes.ascii("entente/epoch-sig/v1"), document.bytes(), id.bytes());
  }

  /** True if the signature verifies under {@code key}. */
  public boolean verifies(DevicePublicKey key) {
    return Ed25519.verify(key, signingInput(document, id), signature);
  }

  /** The canonical bytes of everything but the signature. */
  byte[] body() {
    Bytes.Writer w =
        new Bytes.Writer().raw(MAGIC).u8(VERSION).raw(document.bytes()).u32(number).id(rotator);
    w.u16(roster.size());
    for (int i = 0; i < roster.size(); i++) {
      Recipient r = roster.get(i);
      w.id(r.id()).raw(r.key().raw()).raw(wraps.get(i).ephemeral().raw());
      w.raw(wraps.get(i).ciphertext());
    }
    return w.finish();
  }

  /** The document. */
  public Hash32 document() {
    return document;
  }

  /** The epoch number: one more than the highest the rotator knew. */
  public long number() {
    return number;
  }

  /** The device that made and signed the rotation. */
  public ReplicaId rotator() {
    return rotator;
  }

  /** The readers. */
  public Roster roster() {
    return roster;
  }

  /** The wrapped secrets, one per reader, in roster order. */
  public List<WrappedKey> wraps() {
    return wraps;
  }

  /** A copy of the signature. */
  public byte[] signature() {
    return signature.clone();
  }

  /** The epoch id. */
  public Hash32 id() {
    return id;
  }

  /** The bytes ({@link RotationCodec#encode}). */
  public byte[] bytes() {
    return RotationCodec.encode(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EpochRotation r
        && id.equals(r.id)
        && java.util.Arrays.equals(signature, r.signature);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "epoch " + number + " by " + rotator + " " + id.toString().substring(0, 12);
  }
}
