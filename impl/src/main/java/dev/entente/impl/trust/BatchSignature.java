package dev.entente.impl.trust;

import dev.entente.impl.codec.Hash32;
import dev.entente.model.Check;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One Ed25519 signature over a batch of one author's envelopes: the signature is over {@code
 * "entente/batch-sig/v1" || document || root}, where {@code root} is the SHA-256 of the batch's
 * envelope hashes in order (a hash list: the batch travels whole, so a depth-one tree is enough).
 * Every envelope of the batch carries these 64 signature bytes in its own signature field, and is
 * valid if its hash is one of {@link #leaves()} and the batch signature verifies under the author's
 * member key; a tampered member has another hash, is not a leaf, and is rejected alone. Immutable;
 * equality by content.
 */
public final class BatchSignature {
  /** Most envelopes per batch. */
  public static final int MAX_LEAVES = 4096;

  private static final byte[] ROOT_TAG =
      "entente/batch-root/v1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SIGN_TAG = "entente/batch-sig/v1".getBytes(StandardCharsets.US_ASCII);

  private final Hash32 document;
  private final List<Hash32> leaves;
  private final Set<Hash32> leafSet;
  private final byte[] signature;

  private BatchSignature(Hash32 document, List<Hash32> leaves, byte[] signature) {
    this.document = document;
    this.leaves = leaves;
    this.leafSet = new HashSet<>(leaves);
    this.signature = signature;
  }

  /** A batch signature from its parts (as received). */
  public static BatchSignature of(Hash32 document, List<Hash32> leaves, byte[] signature) {
    Check.argument(document != null && leaves != null, "batch parts must not be null");
    Check.argument(
        !leaves.isEmpty() && leaves.size() <= MAX_LEAVES,
        "a batch has 1..4096 envelopes, was %d",
        leaves.size());
    Check.argument(signature != null && signature.length == 64, "a signature has 64 bytes");
    return new BatchSignature(document, List.copyOf(leaves), signature.clone());
  }

  /** Signs the batch {@code leaves} with {@code signer} (the author's private key). */
  public static BatchSignature sign(
      Hash32 document, List<Hash32> leaves, UnaryOperator<byte[]> signer) {
    BatchSignature unsigned = of(document, leaves, new byte[64]);
    return of(document, leaves, signer.apply(unsigned.signingInput()));
  }

  /** The bytes the signature is over. */
  public byte[] signingInput() {
    byte[] out = Arrays.copyOf(SIGN_TAG, SIGN_TAG.length + 2 * Hash32.LENGTH);
    System.arraycopy(document.bytes(), 0, out, SIGN_TAG.length, Hash32.LENGTH);
    System.arraycopy(root().bytes(), 0, out, SIGN_TAG.length + Hash32.LENGTH, Hash32.LENGTH);
    return out;
  }

  /** The SHA-256 over the tag, the leaf count and the leaves. */
  public Hash32 root() {
    MessageDigest digest = sha256();
    digest.update(ROOT_TAG);
    int n = leaves.size();
    digest.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    for (Hash32 leaf : leaves) {
      digest.update(leaf.bytes());
    }
    return Hash32.of(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** True if the signature verifies under {@code key} (costs one Ed25519 verification). */
  public boolean verifies(DevicePublicKey key) {
    return Ed25519.verify(key, signingInput(), signature);
  }

  /** True if {@code hash} is one of the batch's envelopes. */
  public boolean covers(Hash32 hash) {
    return leafSet.contains(hash);
  }

  /** True if {@code envelopeSignature} is this batch's signature. */
  boolean isSignatureOf(byte[] envelopeSignature) {
    return Arrays.equals(signature, envelopeSignature);
  }

  /** The document. */
  public Hash32 document() {
    return document;
  }

  /** The envelope hashes, in batch order. */
  public List<Hash32> leaves() {
    return leaves;
  }

  /** A copy of the signature. */
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BatchSignature b
        && document.equals(b.document)
        && leaves.equals(b.leaves)
        && Arrays.equals(signature, b.signature);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "batch of " + leaves.size() + " " + root().toString().substring(0, 12);
  }
}
