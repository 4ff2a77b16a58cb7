package dev.entente.impl.codec;

import dev.entente.model.Change;
import dev.entente.model.Check;
import dev.entente.model.Dot;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A change as it travels between replicas that do not trust the network: the canonical change
 * bytes, the hashes of the envelopes the author had as heads when it made the change (the explicit
 * seen-before of a Merkle DAG, beside the change's version vector), and the author's Ed25519
 * signature. Immutable; a well-formed envelope is not yet a valid one: {@code
 * dev.entente.impl.trust.EnvelopeVerifier} decides that.
 *
 * <p>{@link #hash()} is the envelope's content address, SHA-256 over a domain tag, the document id,
 * the change bytes and the sorted links; the next change links to it by this hash. Because the
 * links are inside the hash, the hash fixes the envelope's whole causal past (a Merkle DAG). The
 * signature is over {@link #signingInput()}: the domain tag, the document id and {@link #hash()},
 * so a signature cannot be moved to another document or to other links.
 *
 * <p>Invariants: links are strictly increasing (so unique), at most {@link #MAX_LINKS}; the
 * signature has 64 bytes. Equality is by content.
 */
public final class SignedEnvelope {
  /** Most links one envelope may carry; a replica has one head per concurrent writer at most. */
  public static final int MAX_LINKS = 1024;

  /** Length of an Ed25519 signature. */
  public static final int SIGNATURE_LENGTH = 64;

  private static final byte[] HASH_TAG =
      "entente/envelope-hash/v1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SIGN_TAG =
      "entente/envelope-sig/v1".getBytes(StandardCharsets.US_ASCII);

  private final Hash32 document;
  private final Change change;
  private final byte[] changeBytes;
  private final List<Hash32> links;
  private final byte[] signature;
  private final Hash32 hash;

  private SignedEnvelope(
      Hash32 document, Change change, byte[] changeBytes, List<Hash32> links, byte[] signature) {
    this.document = document;
    this.change = change;
    this.changeBytes = changeBytes;
    this.links = links;
    this.signature = signature;
    this.hash = computeHash(document, changeBytes, links);
  }

  /**
   * Creates an envelope.
   *
   * @param links the head hashes, strictly increasing
   * @param signature 64 bytes, the signature over {@link #signingInput(Hash32, Hash32)}
   */
  public static SignedEnvelope of(
      Hash32 document, Change change, List<Hash32> links, byte[] signature) {
    Check.argument(document != null, "envelope document must not be null");
    Check.argument(change != null, "envelope change must not be null");
    return of(document, change, ChangeCodec.encode(change), links, signature);
  }

  static SignedEnvelope of(
      Hash32 document, Change change, byte[] changeBytes, List<Hash32> links, byte[] signature) {
    Check.argument(links != null, "envelope links must not be null");
    Check.argument(links.size() <= MAX_LINKS, "at most %d links, was %d", MAX_LINKS, links.size());
    for (int i = 1; i < links.size(); i++) {
      Check.argument(
          links.get(i - 1).compareTo(links.get(i)) < 0, "links must be strictly increasing");
    }
    Check.argument(signature != null, "envelope signature must not be null");
    Check.argument(
        signature.length == SIGNATURE_LENGTH,
        "a signature has %d bytes, was %d",
        SIGNATURE_LENGTH,
        signature.length);
    return new SignedEnvelope(document, change, changeBytes, List.copyOf(links), signature.clone());
  }

  /**
   * Encodes {@code change} once, hashes the envelope and signs its {@link #signingInput()} with
   * {@code signer} (a function from message to 64-byte signature: the author's private key).
   */
  public static SignedEnvelope signed(
      Hash32 document, Change change, List<Hash32> links, UnaryOperator<byte[]> signer) {
    Check.argument(document != null && change != null, "envelope parts must not be null");
    byte[] changeBytes = ChangeCodec.encode(change);
    Hash32 hash = computeHash(document, changeBytes, links);
    return of(document, change, changeBytes, links, signer.apply(signingInput(document, hash)));
  }

  /** The content hash an envelope with these parts has, before it is signed. */
  public static Hash32 hashOf(Hash32 document, Change change, List<Hash32> links) {
    return computeHash(document, ChangeCodec.encode(change), links);
  }

  /** The bytes the author signs for an envelope with this document and hash. */
  public static byte[] signingInput(Hash32 document, Hash32 hash) {
    byte[] out = Arrays.copyOf(SIGN_TAG, SIGN_TAG.length + 2 * Hash32.LENGTH);
    System.arraycopy(document.bytes(), 0, out, SIGN_TAG.length, Hash32.LENGTH);
    System.arraycopy(hash.bytes(), 0, out, SIGN_TAG.length + Hash32.LENGTH, Hash32.LENGTH);
    return out;
  }

  private static Hash32 computeHash(Hash32 document, byte[] changeBytes, List<Hash32> links) {
    MessageDigest digest = Hash32.newSha256();
    digest.update(HASH_TAG);
    document.writeTo(digest);
    // Lengths make the concatenation unambiguous.
    digest.update(u32(changeBytes.length));
    digest.update(changeBytes);
    digest.update(u32(links.size()));
    for (Hash32 link : links) {
      link.writeTo(digest);
    }
    return Hash32.of(digest.digest());
  }

  private static byte[] u32(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }

  /** The document this envelope belongs to. */
  public Hash32 document() {
    return document;
  }

  /** The change. */
  public Change change() {
    return change;
  }

  /** The change's dot. */
  public Dot dot() {
    return change.dot();
  }

  /** A copy of the canonical change bytes. */
  public byte[] changeBytes() {
    return changeBytes.clone();
  }

  int changeLength() {
    return changeBytes.length;
  }

  byte[] changeBytesUnsafe() {
    return changeBytes;
  }

  /** The head hashes the author had seen, strictly increasing. */
  public List<Hash32> links() {
    return links;
  }

  /** A copy of the signature. */
  public byte[] signature() {
    return signature.clone();
  }

  /** The content address of this envelope. */
  public Hash32 hash() {
    return hash;
  }

  /** The bytes the signature must verify over. */
  public byte[] signingInput() {
    return signingInput(document, hash);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedEnvelope e
        && hash.equals(e.hash)
        && Arrays.equals(signature, e.signature);
  }

  @Override
  public int hashCode() {
    return hash.hashCode();
  }

  @Override
  public String toString() {
    return "envelope " + change.dot() + " " + hash.toString().substring(0, 12);
  }
}
