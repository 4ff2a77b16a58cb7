package dev.entente.impl.seal;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.codec.Hash32;
import dev.entente.model.Check;
import dev.entente.model.ReplicaId;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of an {@link EpochRotation}, version 1: canonical, every other input a {@link
 * DecodeException}; the signature is checked by the keyring, not here.
 *
 * <pre>
 * [4] "ENTR"  [1] version 1  [32] document  [4] number  [1+n] rotator id
 * [2] readers, then per reader: [1+n] id  [32] X25519 key  [32] ephemeral key  [48] wrapped secret
 * [64] Ed25519 signature of the rotator
 * </pre>
 */
public final class RotationCodec {
  private RotationCodec() {}

  /** The rotation's bytes. */
  public static byte[] encode(EpochRotation rotation) {
    Check.argument(rotation != null, "rotation must not be null");
    return Bytes.concat(rotation.body(), rotation.signature());
  }

  /**
   * Decodes a rotation.
   *
   * @throws DecodeException if {@code bytes} is not exactly one version-1 rotation
   */
  public static EpochRotation decode(byte[] bytes) throws DecodeException {
    Check.argument(bytes != null, "bytes must not be null");
    Bytes.Reader r = new Bytes.Reader(bytes);
    r.magic(EpochRotation.MAGIC, "magic");
    int version = r.u8("version");
    if (version != EpochRotation.VERSION) {
      throw r.error(4, "version", "unsupported rotation version " + version + ", expected 1");
    }
    Hash32 document = r.hash("document");
    int numberAt = r.position();
    long number = r.u32("number");
    if (number == 0) {
      throw r.error(numberAt, "number", "epoch numbers start at 1");
    }
    ReplicaId rotator = r.id("rotator");
    int count = r.u16("readers");
    List<Recipient> readers = new ArrayList<>(count);
    List<WrappedKey> wraps = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int at = r.position();
      ReplicaId id = r.id("readers[" + i + "].id");
      if (!readers.isEmpty() && readers.get(i - 1).id().compareTo(id) >= 0) {
        throw r.error(at, "readers[" + i + "].id", "reader ids must be strictly increasing");
      }
      readers.add(new Recipient(id, AgreementPublicKey.of(r.raw(32, "readers[" + i + "].key"))));
      AgreementPublicKey ephemeral = AgreementPublicKey.of(r.raw(32, "readers[" + i + "].eph"));
      wraps.add(WrappedKey.of(ephemeral, r.raw(WrappedKey.CIPHERTEXT_LENGTH, "readers.wrapped")));
    }
    byte[] signature = r.raw(EpochRotation.SIGNATURE_LENGTH, "signature");
    r.requireEnd("the signature");
    return EpochRotation.of(document, number, rotator, new Roster(readers), wraps, signature);
  }
}
