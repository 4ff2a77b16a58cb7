package dev.entente.impl.sync.rbsr;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Range fingerprints under one session salt: {@code SHA-256(sum || count)} truncated to 16 bytes,
 * where {@code sum} is the sum modulo 2^256 of {@code SHA-256(salt || id)} over the range's items.
 *
 * <p>Why it resists poisoning. An XOR of ids is linear over GF(2): anyone who can create changes
 * can find, by Gaussian elimination over about 256 mined ids, a subset whose XOR is zero, and add
 * it to a range without changing its fingerprint. A plain sum of ids falls to the same idea one
 * step harder: Wagner's generalised birthday (k-tree) algorithm finds ids summing to a chosen value
 * modulo 2^256 with work far below 2^128, so a poisoner can mine such ids in advance and plant
 * them. Three things stop that here. (1) The summand is a hash of the id under a salt the honest
 * initiator draws fresh for each session, so nothing can be mined in advance: the attack would have
 * to run inside the session, and the planted items would already have to be stored on both peers.
 * (2) The count is hashed in, so adding or removing items changes it unless as many are removed as
 * added. (3) The sum is hashed, so the 16 bytes on the wire reveal nothing linear about it;
 * matching a fingerprint means a second preimage of truncated SHA-256 (2^128) or a sum collision
 * found under the fresh salt. A peer can always lie about its own set; this only protects two
 * honest peers from changes planted by a third party. Salting costs one SHA-256 per item per
 * session, which the caller pays once, up front.
 *
 * <p>The Merkle sync ({@code impl/sync/merkle}) fingerprints its tree's nodes the same way, which
 * is why this class is public.
 */
public final class Fingerprints {
  /** Length of a fingerprint on the wire. */
  public static final int BYTES = 16;

  /** Length of the session salt. */
  public static final int SALT_BYTES = 16;

  private final long[] summands;

  private Fingerprints(long[] summands) {
    this.summands = summands;
  }

  /** Hashes every item of {@code items} under {@code salt}. */
  public static Fingerprints of(SyncItems items, byte[] salt) {
    MessageDigest sha = sha256();
    long[] summands = new long[items.size() * 4];
    for (int i = 0; i < items.size(); i++) {
      sha.update(salt);
      sha.update(items.id(i).bytes());
      ByteBuffer h = ByteBuffer.wrap(sha.digest());
      for (int w = 0; w < 4; w++) {
        summands[i * 4 + w] = h.getLong();
      }
    }
    return new Fingerprints(summands);
  }

  /** The tag of item {@code index}: the first {@link Tag#BYTES} bytes of its summand. */
  public Tag tag(int index) {
    ByteBuffer buf = ByteBuffer.allocate(Tag.BYTES);
    for (int w = 0; w < Tag.BYTES / 8; w++) {
      buf.putLong(summands[index * 4 + w]);
    }
    return Tag.of(buf.array());
  }

  /** The fingerprint of items {@code [from, to)}. */
  public byte[] of(int from, int to) {
    long[] sum = new long[4];
    for (int i = from; i < to; i++) {
      add(sum, i * 4);
    }
    ByteBuffer buf = ByteBuffer.allocate(40);
    for (long w : sum) {
      buf.putLong(w);
    }
    buf.putLong(to - from);
    byte[] digest = sha256().digest(buf.array());
    byte[] out = new byte[BYTES];
    System.arraycopy(digest, 0, out, 0, BYTES);
    return out;
  }

  /** {@code sum += summand[at..at+4)} modulo 2^256, words big-endian (word 0 most significant). */
  private void add(long[] sum, int at) {
    long carry = 0;
    for (int w = 3; w >= 0; w--) {
      long a = sum[w];
      long b = summands[at + w];
      long s = a + b + carry;
      carry = (Long.compareUnsigned(s, a) < 0 || (carry == 1 && s == a)) ? 1 : 0;
      sum[w] = s;
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
