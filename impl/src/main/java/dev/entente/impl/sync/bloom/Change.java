package dev.entente.impl.sync.bloom;

import dev.entente.impl.codec.DecodeException;
import dev.entente.impl.sync.rbsr.SyncId;
import dev.entente.impl.sync.wire.WireReader;
import dev.entente.impl.sync.wire.WireWriter;
import dev.entente.model.Check;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.TreeSet;

/**
 * A change in a hash-linked history: the hashes of the changes it depends on, a timestamp and a
 * nonce standing for its content; its id is the SHA-256 of its body, so an id names exactly one
 * body and whoever writes a change can try nonces until the id suits them (which is how ids are
 * mined). Immutable.
 *
 * <p>Body: {@code v deps.count, [32] deps (strictly increasing), [8] timestamp, [8] nonce}.
 *
 * @param id the SHA-256 of {@link #body()}
 * @param deps the ids this change depends on, sorted
 * @param timestamp milliseconds, informational
 * @param nonce the content's stand-in
 */
public record Change(SyncId id, List<SyncId> deps, long timestamp, long nonce) {
  /** Copies the deps. */
  public Change {
    deps = List.copyOf(deps);
  }

  /** The change with these deps and content; computes its id. */
  public static Change of(List<SyncId> deps, long timestamp, long nonce) {
    List<SyncId> sorted = List.copyOf(new TreeSet<>(deps));
    Check.argument(sorted.size() == deps.size(), "a change lists each dependency once");
    byte[] body = body(sorted, timestamp, nonce);
    return new Change(SyncId.of(sha256().digest(body)), sorted, timestamp, nonce);
  }

  /** The canonical body, from which the id is hashed. */
  public byte[] body() {
    return body(deps, timestamp, nonce);
  }

  /** The body's length, without encoding it. */
  public int bodyLength() {
    return varintLength(deps.size()) + deps.size() * SyncId.BYTES + 16;
  }

  /**
   * Decodes one body occupying exactly {@code body}; rejections name {@code field}.
   *
   * @throws DecodeException unless {@code body} is a canonical body; offsets are {@code base} plus
   *     the position in {@code body}
   */
  static Change decode(byte[] body, int base, String field) throws DecodeException {
    WireReader r = new WireReader(body);
    try {
      List<SyncId> deps = r.sortedIds(field + ".deps");
      long timestamp = r.u64(field + ".timestamp");
      long nonce = r.u64(field + ".nonce");
      if (r.remaining() != 0) {
        throw r.error(r.position(), field, r.remaining() + " bytes after the nonce");
      }
      return Change.of(deps, timestamp, nonce);
    } catch (DecodeException e) {
      throw new DecodeException(base + e.offset(), e.field(), e.reason(), e);
    }
  }

  private static byte[] body(List<SyncId> deps, long timestamp, long nonce) {
    return new WireWriter().sortedIds(deps).u64(timestamp).u64(nonce).toByteArray();
  }

  private static int varintLength(long v) {
    int n = 1;
    for (long rest = v >>> 7; rest != 0; rest >>>= 7) {
      n++;
    }
    return n;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "Change[" + id + " deps=" + deps + "]";
  }
}
