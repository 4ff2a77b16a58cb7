package dev.entente.impl.sync.iblt;

import dev.entente.impl.sync.rbsr.SyncId;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;

/**
 * An id with its salted checksum and its stream of symbol indices. The checksum is the first 8
 * bytes of {@code SHA-256(salt || id)} (the same bytes RBSR uses as the id's tag), the next 8 seed
 * the index stream. Index 0 always, then each index {@code j > i} with probability {@code 1 / (1 +
 * j/2)}: drawn by inverting {@code P(next > j) = (i+1)(i+2) / ((j+1)(j+2))}, the product of {@code
 * k / (k+2)} over {@code k = i+1..j}. Mutable (the stream's cursor); not thread-safe.
 */
final class MappedItem {
  /** Indices past this are never drawn: far more symbols than any session sends. */
  private static final long LAST_INDEX = 1L << 40;

  final SyncId id;
  final long[] words = new long[4];
  final long check;
  private final SplittableRandom stream;
  private long next;

  private MappedItem(SyncId id, byte[] digest) {
    this.id = id;
    ByteBuffer idBytes = ByteBuffer.wrap(id.bytes());
    for (int w = 0; w < 4; w++) {
      words[w] = idBytes.getLong();
    }
    ByteBuffer d = ByteBuffer.wrap(digest);
    this.check = d.getLong();
    this.stream = new SplittableRandom(d.getLong());
  }

  static MappedItem of(SyncId id, byte[] salt) {
    return new MappedItem(id, checksumDigest(id, salt));
  }

  /** The checksum {@code id} would have under {@code salt}. */
  static long checksum(SyncId id, byte[] salt) {
    return ByteBuffer.wrap(checksumDigest(id, salt)).getLong();
  }

  /** The next index this item maps to; the first call returns 0. */
  long peek() {
    return next;
  }

  /** Moves past the current index. */
  void advance() {
    double u = 1 - stream.nextDouble(); // in (0, 1]
    double x = (next + 1.0) * (next + 2.0) / u;
    long j = Math.max(next + 1, (long) Math.ceil(Math.sqrt(x + 0.25) - 1.5));
    while (j < LAST_INDEX && (j + 1.0) * (j + 2.0) <= x) {
      j++;
    }
    while (j - 1 > next && (double) j * (j + 1.0) > x) {
      j--;
    }
    next = Math.min(j, LAST_INDEX);
  }

  private static byte[] checksumDigest(SyncId id, byte[] salt) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      return sha.digest(id.bytes());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
