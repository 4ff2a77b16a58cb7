package dev.entente.impl.codec;

import dev.entente.model.Change;
import dev.entente.model.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical binary encoding of a {@link SignedEnvelope}, format version 1. Stateless and
 * thread-safe.
 *
 * <p>Canonical like {@link ChangeCodec}: {@code decode(encode(e)).equals(e)} and {@code
 * encode(decode(b))} equals {@code b} for every {@code b} that decodes. Every other input is
 * rejected with a {@link DecodeException} naming the byte offset and the field; no other exception
 * escapes {@link #decode} for a non-null input. Decoding checks form only; the signature and the
 * links are checked by the verifier, which needs the document's membership.
 *
 * <pre>
 * size  field              rule
 * [4]   magic              "ENTE" (45 4e 54 45)
 * [1]   version            1
 * [32]  document           SHA-256 document id
 * [4]   change.length      the nested change's length, checksum included
 * [n]   change             a canonical change (ChangeCodec, with its own CRC-32C)
 * [2]   links.count        0..1024
 * [32]  links[i]           strictly increasing by unsigned byte value
 * [64]  signature          Ed25519 over SignedEnvelope.signingInput
 * [4]   checksum           CRC-32C of every byte before it
 * </pre>
 *
 * <p>The outer checksum catches transport corruption before anything is parsed; it is not security:
 * a forger recomputes it, which is what the signature is for.
 */
public final class EnvelopeCodec {
  /** The version byte this codec writes and the only one it reads. */
  public static final int VERSION = 1;

  private static final byte[] MAGIC = {'E', 'N', 'T', 'E'};
  private static final int MIN_LENGTH =
      4 + 1 + Hash32.LENGTH + 4 + ChangeCodec.MIN_LENGTH + 2 + SignedEnvelope.SIGNATURE_LENGTH + 4;

  private EnvelopeCodec() {}

  /** Encodes {@code envelope} canonically. */
  public static byte[] encode(SignedEnvelope envelope) {
    Check.argument(envelope != null, "envelope must not be null");
    ByteWriter out = new ByteWriter(envelope.changeLength() + 160);
    out.raw(MAGIC);
    out.u8(VERSION);
    out.raw(envelope.document().bytes());
    out.u32(envelope.changeLength());
    out.raw(envelope.changeBytesUnsafe());
    out.u16(envelope.links().size());
    for (Hash32 link : envelope.links()) {
      out.raw(link.bytes());
    }
    out.raw(envelope.signature());
    return out.finishWithChecksum();
  }

  /**
   * Decodes a canonical envelope encoding.
   *
   * @throws DecodeException if {@code bytes} is not exactly one canonical version-1 encoding
   */
  public static SignedEnvelope decode(byte[] bytes) throws DecodeException {
    Check.argument(bytes != null, "bytes must not be null");
    ByteReader r = ByteReader.checked(bytes, 0, bytes.length, "envelope", MIN_LENGTH);
    r.magic(MAGIC, "magic");
    r.version(VERSION);
    Hash32 document = Hash32.of(r.bytes(Hash32.LENGTH, "document"));
    int lengthAt = r.position();
    long length = r.u32("change.length");
    int tail = 2 + SignedEnvelope.SIGNATURE_LENGTH;
    if (length < ChangeCodec.MIN_LENGTH || length > r.remaining() - tail) {
      throw r.error(
          lengthAt,
          "change.length",
          "must be in [%d, %d], was %d",
          ChangeCodec.MIN_LENGTH,
          Math.max(ChangeCodec.MIN_LENGTH, r.remaining() - tail),
          length);
    }
    int changeAt = r.position();
    Change change = ChangeCodec.decode(bytes, changeAt, changeAt + (int) length, "envelope.change");
    byte[] changeBytes = r.bytes((int) length, "change");
    List<Hash32> links = readLinks(r);
    byte[] signature = r.bytes(SignedEnvelope.SIGNATURE_LENGTH, "signature");
    r.requireEnd("the signature");
    return SignedEnvelope.of(document, change, changeBytes, links, signature);
  }

  private static List<Hash32> readLinks(ByteReader r) throws DecodeException {
    int countAt = r.position();
    int count = r.u16("links.count");
    if (count > SignedEnvelope.MAX_LINKS) {
      throw r.error(
          countAt, "links.count", "must be in [0, %d], was %d", SignedEnvelope.MAX_LINKS, count);
    }
    r.requireEntries(count, Hash32.LENGTH, countAt, "links.count");
    List<Hash32> links = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int at = r.position();
      Hash32 link = Hash32.of(r.bytes(Hash32.LENGTH, "links[" + i + "]"));
      if (!links.isEmpty() && links.get(i - 1).compareTo(link) >= 0) {
        throw r.error(
            at,
            "links[" + i + "]",
            "link %s is not after %s: links must be strictly increasing",
            link,
            links.get(i - 1));
      }
      links.add(link);
    }
    return links;
  }
}
